#include "check/template_checks.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "template/open_government.h"

namespace lawreport::check_internal {
namespace {

using template_internal::TemplateCheck;
using template_internal::TemplateRow;

constexpr std::string_view kPrefix = "xxgk.";

// Template cells are counts: a whole number, or nothing to check.
std::optional<std::int64_t> WholeNumber(const Decimal& value) {
  if (value.exponent() < 0 || value.exponent() > 12) return std::nullopt;
  std::int64_t result = value.mantissa();
  for (int i = 0; i < value.exponent(); ++i) result *= 10;
  return result;
}

struct Identity {
  std::string relation;  // "template:requests.balance:natural_person"
  std::string description;
  std::vector<std::size_t> total;  // indicator indices
  std::vector<std::size_t> parts;
  std::int64_t stated = 0;    // sum of the total side
  std::int64_t computed = 0;  // sum of the parts
  bool holds() const { return stated == computed; }
};

class TemplateChecker {
 public:
  explicit TemplateChecker(const std::vector<Indicator>& indicators)
      : indicators_(indicators), model_(template_internal::OpenGovernment()) {}

  std::vector<Finding> Run() {
    for (std::size_t i = 0; i < indicators_.size(); ++i) {
      const std::optional<std::string>& id = indicators_[i].canonical;
      if (id && id->compare(0, kPrefix.size(), kPrefix) == 0)
        cells_.try_emplace(id->substr(kPrefix.size()), i);
    }
    if (cells_.empty()) return {};
    for (const TemplateCheck& check : model_.checks) Instantiate(check);
    return Verdicts();
  }

 private:
  // Row ids (without "xxgk.") a term stands for, in template order.
  std::vector<std::string> Rows(std::string_view term) const {
    std::vector<std::string> rows;
    const bool children =
        term.size() > 2 && (term.substr(term.size() - 2) == ".*" ||
                            term.substr(term.size() - 2) == ".+");
    const std::string_view base =
        children ? term.substr(0, term.size() - 2) : term;
    for (const TemplateRow& row : model_.rows) {
      const std::string_view id =
          std::string_view(row.id).substr(kPrefix.size());
      if (!children && id == base) rows.emplace_back(id);
      if (children && id.size() > base.size() + 1 &&
          id.substr(0, base.size()) == base && id[base.size()] == '.') {
        rows.emplace_back(id);
      }
    }
    return rows;
  }

  // The indicators a term names in one column: nullopt when the report
  // does not state them.
  std::optional<std::vector<std::size_t>> Cells(
      std::string_view term, const std::string& column) const {
    std::vector<std::size_t> found;
    const auto add = [&](const std::string& row) {
      auto it = cells_.find(row + "." + column);
      if (it == cells_.end()) return false;
      found.push_back(it->second);
      return true;
    };
    const bool any_children =
        term.size() > 2 && term.substr(term.size() - 2) == ".*";
    const bool only_children =
        term.size() > 2 && term.substr(term.size() - 2) == ".+";
    if (!any_children && !only_children) {
      if (!add(std::string(term))) return std::nullopt;
      return found;
    }
    for (const std::string& row : Rows(term)) add(row);
    if (found.empty() && any_children &&
        add(std::string(term.substr(0, term.size() - 2)))) {
      return found;
    }
    if (found.empty()) return std::nullopt;
    return found;
  }

  void Add(const TemplateCheck& check, const std::string& place,
           std::optional<std::vector<std::size_t>> total,
           std::optional<std::vector<std::size_t>> parts) {
    if (!total || !parts || total->empty() || parts->empty()) return;
    Identity identity;
    identity.relation = "template:" + std::string(PartName(check)) + "." +
                        check.name + ":" + place;
    identity.total = std::move(*total);
    identity.parts = std::move(*parts);
    for (const std::size_t i : identity.total) {
      if (std::find(identity.parts.begin(), identity.parts.end(), i) !=
          identity.parts.end()) {
        return;  // "X.*" fell back to X itself: nothing to check
      }
    }
    const auto sum = [&](const std::vector<std::size_t>& side)
        -> std::optional<std::int64_t> {
      std::int64_t result = 0;
      for (const std::size_t i : side) {
        const std::optional<std::int64_t> value =
            WholeNumber(indicators_[i].value);
        if (!value) return std::nullopt;
        result += *value;
      }
      return result;
    };
    const std::optional<std::int64_t> stated = sum(identity.total);
    const std::optional<std::int64_t> computed = sum(identity.parts);
    if (!stated || !computed) return;
    identity.stated = *stated;
    identity.computed = *computed;
    identities_.push_back(std::move(identity));
  }

  static const char* PartName(const TemplateCheck& check) {
    switch (check.part) {
      case template_internal::TemplatePart::kActive:
        return "active";
      case template_internal::TemplatePart::kRequests:
        return "requests";
      case template_internal::TemplatePart::kReview:
        return "review";
    }
    return "requests";
  }

  void Instantiate(const TemplateCheck& check) {
    if (check.across_columns) {
      // The columns of the rows named: those of the total's first row.
      const std::vector<std::string> rows = Rows(check.total.front());
      const TemplateRow* first = nullptr;
      for (const TemplateRow& row : model_.rows) {
        if (!rows.empty() &&
            std::string_view(row.id).substr(kPrefix.size()) == rows.front())
          first = &row;
      }
      if (first == nullptr) return;
      for (const auto& column : first->columns->columns) {
        const auto side = [&](const std::vector<std::string>& terms)
            -> std::optional<std::vector<std::size_t>> {
          std::vector<std::size_t> all;
          for (const std::string& term : terms) {
            std::optional<std::vector<std::size_t>> cells =
                Cells(term, column.key);
            if (!cells) return std::nullopt;
            all.insert(all.end(), cells->begin(), cells->end());
          }
          return all;
        };
        Add(check, column.key, side(check.total), side(check.parts));
      }
      return;
    }
    for (const TemplateRow& row : model_.rows) {
      if (row.part != check.part) continue;
      const std::string id(std::string_view(row.id).substr(kPrefix.size()));
      const auto side = [&](const std::vector<std::string>& terms)
          -> std::optional<std::vector<std::size_t>> {
        std::vector<std::size_t> all;
        for (const std::string& term : terms) {
          auto it = cells_.find(id + "." + term);
          if (it == cells_.end()) return std::nullopt;
          all.push_back(it->second);
        }
        return all;
      };
      Add(check, id, side(check.total), side(check.parts));
    }
  }

  std::string Sum(const std::vector<std::size_t>& side) const {
    std::string text;
    for (const std::size_t i : side) {
      if (!text.empty()) text += " + ";
      text += indicators_[i].value.ToString();
    }
    return text;
  }

  Finding NewFinding(const Identity& identity, std::size_t at) const {
    Finding finding;
    finding.type = FindingType::kTemplate;
    finding.line = indicators_[at].line;
    finding.relation = identity.relation;
    finding.indicators.push_back(indicators_[at].id);
    for (const auto* side : {&identity.total, &identity.parts}) {
      for (const std::size_t i : *side) {
        if (i != at) finding.indicators.push_back(indicators_[i].id);
      }
    }
    finding.expression =
        Sum(identity.total) + " = " + std::to_string(identity.stated) + " vs " +
        Sum(identity.parts) + " = " + std::to_string(identity.computed);
    finding.stated = Decimal::FromInt(identity.stated);
    finding.computed = Decimal::FromInt(identity.computed);
    return finding;
  }

  std::vector<Finding> Verdicts() const {
    std::vector<Finding> findings;
    std::vector<const Identity*> failing;
    std::set<std::size_t> in_passing;
    for (const Identity& identity : identities_) {
      if (!identity.holds()) {
        failing.push_back(&identity);
        continue;
      }
      for (const auto* side : {&identity.total, &identity.parts})
        in_passing.insert(side->begin(), side->end());
      Finding finding = NewFinding(identity, identity.total.front());
      finding.status = FindingStatus::kPass;
      finding.message = "the template's cells add up";
      findings.push_back(std::move(finding));
    }
    // Cells every failing identity meets in, outside the passing ones, that
    // one correction would mend: the wrong cell, when there is one.
    std::vector<bool> explained(failing.size(), false);
    std::map<std::size_t, std::vector<std::size_t>> by_cell;
    for (std::size_t f = 0; f < failing.size(); ++f) {
      for (const auto* side : {&failing[f]->total, &failing[f]->parts}) {
        for (const std::size_t i : *side) {
          if (!in_passing.count(i)) by_cell[i].push_back(f);
        }
      }
    }
    // Group failing identities into connected clusters by shared suspects,
    // and look for a single cell explaining each cluster.
    for (const auto& [cell, identities] : by_cell) {
      if (identities.size() < 2) continue;
      std::optional<std::int64_t> correction;
      bool consistent = true;
      for (const std::size_t f : identities) {
        const Identity& identity = *failing[f];
        const bool on_total =
            std::find(identity.total.begin(), identity.total.end(), cell) !=
            identity.total.end();
        // The cell's right value differs from the stated one by this much.
        const std::int64_t delta = on_total
                                       ? identity.computed - identity.stated
                                       : identity.stated - identity.computed;
        if (correction && *correction != delta) consistent = false;
        correction = delta;
      }
      if (!consistent || explained[identities.front()]) continue;
      // The cell must explain every identity it shares a suspect with.
      bool unique = true;
      for (const auto& [other, others] : by_cell) {
        if (other != cell && others == identities) unique = false;
      }
      if (!unique) continue;
      const Identity& first = *failing[identities.front()];
      Finding finding = NewFinding(first, cell);
      for (std::size_t k = 1; k < identities.size(); ++k)
        finding.relation += "+" + failing[identities[k]]->relation.substr(9);
      const Indicator& wrong = indicators_[cell];
      finding.status = FindingStatus::kMismatch;
      finding.stated = wrong.value;
      const std::optional<std::int64_t> stated = WholeNumber(wrong.value);
      finding.computed = Decimal::FromInt(stated.value_or(0) + *correction);
      finding.message =
          "template: " + (wrong.canonical ? *wrong.canonical : wrong.label) +
          " is " + wrong.value.ToString() + " but its row and column give " +
          finding.computed->ToString() + " (" +
          std::to_string(identities.size()) + " identities)";
      findings.push_back(std::move(finding));
      for (const std::size_t f : identities) explained[f] = true;
    }
    for (std::size_t f = 0; f < failing.size(); ++f) {
      if (explained[f]) continue;
      Finding finding = NewFinding(*failing[f], failing[f]->total.front());
      finding.status = FindingStatus::kMismatch;
      finding.message = "template: the total does not equal its parts";
      findings.push_back(std::move(finding));
    }
    return findings;
  }

  const std::vector<Indicator>& indicators_;
  const template_internal::OpenGovernmentTemplate& model_;
  std::map<std::string, std::size_t> cells_;  // canonical id without "xxgk."
  std::vector<Identity> identities_;
};

}  // namespace

std::vector<Finding> CheckTemplate(const std::vector<Indicator>& indicators) {
  return TemplateChecker(indicators).Run();
}

}  // namespace lawreport::check_internal
