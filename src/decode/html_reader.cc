// HTML pages → paragraphs and tables (see readers.h).
//
// How the main content is found (unless --no-boilerplate-strip):
//  1. Every element gets a paragraph score: the characters of text it holds
//     directly or through paragraph-like children (<p>, <span>, a <div> with
//     no blocks inside, a table without nested tables …), not counting link
//     text (menus and link lists are links) nor text inside nested
//     containers. The report's paragraphs sit
//     side by side in one block, so that block scores highest; a footer's
//     three short lines or a menu of links cannot compete.
//  2. Elements whose id or class names navigation, footers, breadcrumbs,
//     share bars or sidebars (nav, menu, footer, bottom, crumb, share …)
//     never win, and paragraphs in site-footer wording (ICP备, 网站标识码,
//     主办单位, 版权所有, 本网站 …) do not count. Both word lists, and the
//     ids and classes that name a title, are data/lexicon/web_page_words.tsv.
//  3. The article title usually sits outside that block (an <h1> above it):
//     the nearest <h1>–<h3>, or element whose id or class says "title"
//     ("article_title"), before the block with 8–120 characters of non-link
//     text is put first, as one line; a page without one puts its
//     <meta name="ArticleTitle" content="…"> there. Unless the block opens
//     with the same words, that line is marked as the page's title
//     (Text::page_title_line): on some sites it is the column's name
//     ("政府工作报告（2024）") and the article has a title of its own, which
//     the outline then prefers.
// Scripts, styles, forms' controls and the like are never read.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "decode/encoding.h"
#include "decode/libxml.h"
#include "decode/readers.h"
#include "lexicon/lexicon.h"
#include "util/utf8.h"

namespace lawreport::decode_internal {
namespace {

using utf8::AsciiLowercase;

// data/lexicon/web_page_words.tsv: the words a site's chrome and the
// article's title are told by.
struct WebPageWords {
  std::vector<std::string> footer_text;   // ICP备, 版权所有 …
  std::vector<std::string> chrome_names;  // nav, footer, dibu …
  std::vector<std::string> title_names;   // title, biaoti
};

const WebPageWords& PageWords() {
  static const WebPageWords words = [] {
    WebPageWords loaded;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv("web_page_words.tsv")) {
      const std::string_view role = row.Get("role");
      std::string word(row.Get("word"));
      if (role == "footer_text") {
        loaded.footer_text.push_back(std::move(word));
      } else if (role == "chrome_name") {
        loaded.chrome_names.push_back(std::move(word));
      } else if (role == "title_name") {
        loaded.title_names.push_back(std::move(word));
      } else {
        lexicon::BadLexicon("web_page_words.tsv", row.line(),
                            "unknown role " + std::string(role));
      }
    }
    return loaded;
  }();
  return words;
}

bool HoldsAny(std::string_view text, const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    if (text.find(word) != std::string_view::npos) return true;
  }
  return false;
}

bool IsOneOf(std::string_view tag,
             std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), tag) != set.end();
}

bool IsSkipped(std::string_view tag) {
  return IsOneOf(
      tag,
      {"script", "style",  "noscript", "template", "iframe", "object", "embed",
       "select", "option", "textarea", "button",   "input",  "head",   "title",
       "svg",    "canvas", "map",      "video",    "audio",  "meta",   "link"});
}

// Elements that end the line of text before them and start a new one.
bool IsBlock(std::string_view tag) {
  if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6')
    return true;
  return IsOneOf(
      tag, {"p",      "div",     "li",         "ul",      "ol",       "dl",
            "dt",     "dd",      "blockquote", "section", "article",  "header",
            "footer", "nav",     "aside",      "main",    "pre",      "address",
            "center", "figure",  "figcaption", "form",    "fieldset", "hr",
            "table",  "tbody",   "thead",      "tfoot",   "tr",       "td",
            "th",     "caption", "legend",     "details", "summary",  "menu",
            "body",   "html"});
}

// Blocks that hold other blocks rather than a paragraph of their own.
bool IsContainerTag(std::string_view tag) {
  return IsOneOf(
      tag,
      {"div", "section", "article",  "main",   "body",       "form",   "center",
       "td",  "th",      "table",    "tbody",  "thead",      "tfoot",  "tr",
       "ul",  "ol",      "dl",       "li",     "blockquote", "header", "footer",
       "nav", "aside",   "fieldset", "figure", "details",    "menu",   "html"});
}

bool IsHeadingTag(std::string_view tag) {
  return tag == "h1" || tag == "h2" || tag == "h3";
}

std::string_view TagOf(const xmlNode* node) {
  return node->name
             ? std::string_view(reinterpret_cast<const char*>(node->name))
             : std::string_view();
}

std::string Attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string result(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return result;
}

bool NamesBoilerplate(const xmlNode* node) {
  const std::string names =
      AsciiLowercase(Attribute(node, "id") + " " + Attribute(node, "class"));
  if (names.size() <= 1) return false;
  return HoldsAny(names, PageWords().chrome_names);
}

// Site-footer wording: a paragraph saying who runs the site, its licence
// numbers or its copyright is not report text, however long.
bool IsSiteFooterText(std::string_view text) {
  return HoldsAny(text, PageWords().footer_text);
}

bool NamesTitle(const xmlNode* node) {
  const std::string names =
      AsciiLowercase(Attribute(node, "id") + " " + Attribute(node, "class"));
  return HoldsAny(names, PageWords().title_names);
}

std::size_t VisibleChars(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t offset = 0; offset < text.size();) {
    const utf8::CodePoint cp = utf8::Decode(text, offset);
    offset += cp.length;
    if (cp.value > 0x20 && cp.value != 0xA0 && cp.value != 0x3000) ++count;
  }
  return count;
}

struct NodeStats {
  std::size_t text = 0;       // non-link characters in the subtree
  std::size_t paragraph = 0;  // the paragraph score (see the file comment)
  bool has_block = false;     // a block element (other than <br>) inside
};

class HtmlReader {
 public:
  HtmlReader(xmlNode* root, bool strip) : root_(root), strip_(strip) {}

  Result<Document> Read() {
    if (!Score(root_, false, 0)) {
      return Error{ErrorCode::kLimitExceeded,
                   "HTML elements nested deeper than " +
                       std::to_string(kMaxMarkupDepth) + " levels"};
    }
    xmlNode* content = root_;
    if (strip_) {
      if (xmlNode* best = BestBlock()) {
        content = best;
        if (std::optional<std::string> title = PageTitle(best))
          document_.AddPageTitle(*title);
      }
    }
    Walk(content);
    Flush();
    return std::move(document_);
  }

 private:
  // Returns false when the tree is nested too deeply to walk.
  bool Score(xmlNode* node, bool in_link, int depth) {
    if (depth > kMaxMarkupDepth) return false;
    NodeStats stats;
    for (xmlNode* child = node->children; child; child = child->next) {
      if (child->type == XML_TEXT_NODE ||
          child->type == XML_CDATA_SECTION_NODE) {
        if (in_link || child->content == nullptr) continue;
        const char* content = reinterpret_cast<const char*>(child->content);
        const std::size_t chars = VisibleChars(content);
        stats.text += chars;
        if (!IsSiteFooterText(content)) stats.paragraph += chars;
        continue;
      }
      if (child->type != XML_ELEMENT_NODE) continue;
      const std::string_view tag = TagOf(child);
      if (IsSkipped(tag)) continue;
      if (!Score(child, in_link || tag == "a", depth + 1)) return false;
      const NodeStats& inner = stats_[child];
      stats.text += inner.text;
      if (IsBlock(tag) && tag != "br" && tag != "hr") stats.has_block = true;
      stats.has_block = stats.has_block || inner.has_block;
      // A table of figures is report content, as much as a paragraph is: an
      // open-government report is mostly tables.
      const bool paragraph_like = !(IsContainerTag(tag) && inner.has_block) ||
                                  (tag == "table" && !HasNestedTable(child));
      if (paragraph_like && !NamesBoilerplate(child) &&
          !(tag == "p" && IsSiteFooterText(TextOf(child)))) {
        stats.paragraph += inner.text;
      }
    }
    stats_[node] = stats;
    order_.push_back(node);
    return true;
  }

  xmlNode* BestBlock() const {
    xmlNode* best = nullptr;
    std::size_t best_score = 0;
    // order_ is post-order; walk it reversed (pre-order of ancestors first)
    // so that on a tie the outer block, which holds the other, wins.
    for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
      xmlNode* node = *it;
      if (node->type != XML_ELEMENT_NODE || NamesBoilerplate(node)) continue;
      const std::size_t score = stats_.at(node).paragraph;
      if (score > best_score) {
        best = node;
        best_score = score;
      }
    }
    return best;
  }

  static bool IsAncestor(const xmlNode* ancestor, const xmlNode* node) {
    for (const xmlNode* up = node; up; up = up->parent) {
      if (up == ancestor) return true;
    }
    return false;
  }

  // The page's title for the article `block` (see the file comment), or
  // nullopt when there is none or the article opens with the same words.
  std::optional<std::string> PageTitle(xmlNode* block) const {
    constexpr std::size_t kMaxMetaTitleChars = 120;
    std::string title;
    if (xmlNode* node = TitleBefore(block)) {
      title = CollapseSpace(TextOf(node));
    } else {
      title = CollapseSpace(MetaArticleTitle());
      if (VisibleChars(title) > kMaxMetaTitleChars) return std::nullopt;
    }
    if (VisibleChars(title) == 0) return std::nullopt;
    // Some pages repeat the title at the top of the article.
    const std::string block_text = CollapseSpace(TextOf(block));
    if (block_text.compare(0, title.size(), title) == 0) return std::nullopt;
    return title;
  }

  // <meta name="ArticleTitle" content="…"> in the page's <head>: the title
  // content-management systems (TRS and others) record for the article.
  std::string MetaArticleTitle() const {
    for (xmlNode* head = root_->children; head; head = head->next) {
      if (head->type != XML_ELEMENT_NODE || TagOf(head) != "head") continue;
      for (xmlNode* meta = head->children; meta; meta = meta->next) {
        if (meta->type != XML_ELEMENT_NODE || TagOf(meta) != "meta") continue;
        if (AsciiLowercase(Attribute(meta, "name")) == "articletitle")
          return Attribute(meta, "content");
      }
    }
    return "";
  }

  // The nearest title-like element before `block` in document order.
  xmlNode* TitleBefore(xmlNode* block) const {
    // Pre-order positions: order_ is post-order, so collect a pre-order list.
    std::vector<xmlNode*> preorder;
    Collect(root_, preorder);
    const auto at = std::find(preorder.begin(), preorder.end(), block);
    for (auto it = std::make_reverse_iterator(at); it != preorder.rend();
         ++it) {
      xmlNode* node = *it;
      if (IsAncestor(node, block)) continue;
      if (!(IsHeadingTag(TagOf(node)) || NamesTitle(node))) continue;
      const auto found = stats_.find(node);
      if (found == stats_.end()) continue;
      const std::size_t chars = found->second.text;
      if (chars >= 8 && chars <= 120 && !found->second.has_block) return node;
    }
    return nullptr;
  }

  static void Collect(xmlNode* node, std::vector<xmlNode*>& out) {
    for (xmlNode* child = node->children; child; child = child->next) {
      if (child->type != XML_ELEMENT_NODE || IsSkipped(TagOf(child))) continue;
      out.push_back(child);
      Collect(child, out);
    }
  }

  static std::string TextOf(xmlNode* node) {
    std::string text;
    AppendText(node, text);
    return text;
  }

  // All text under `node`; blocks and <br> become line breaks.
  static void AppendText(xmlNode* node, std::string& out) {
    for (xmlNode* child = node->children; child; child = child->next) {
      if (child->type == XML_TEXT_NODE ||
          child->type == XML_CDATA_SECTION_NODE) {
        if (child->content)
          out += reinterpret_cast<const char*>(child->content);
        continue;
      }
      if (child->type != XML_ELEMENT_NODE) continue;
      const std::string_view tag = TagOf(child);
      if (IsSkipped(tag)) continue;
      const bool block = IsBlock(tag) || tag == "br";
      if (block) out += '\n';
      AppendText(child, out);
      if (block) out += '\n';
    }
  }

  void Flush() {
    if (paragraph_.empty()) return;
    document_.AddParagraph(CollapseSpace(paragraph_));
    paragraph_.clear();
  }

  void Walk(xmlNode* node) {
    for (xmlNode* child = node->children; child; child = child->next) {
      if (child->type == XML_TEXT_NODE ||
          child->type == XML_CDATA_SECTION_NODE) {
        if (child->content)
          paragraph_ += reinterpret_cast<const char*>(child->content);
        continue;
      }
      if (child->type != XML_ELEMENT_NODE) continue;
      const std::string_view tag = TagOf(child);
      if (IsSkipped(tag)) continue;
      if (tag == "br") {
        Flush();
        continue;
      }
      if (tag == "table") {
        Flush();
        if (std::optional<TableBlock> table = DataTable(child)) {
          document_.AddTable(std::move(*table));
          continue;
        }
      }
      const bool block = IsBlock(tag);
      if (block) Flush();
      Walk(child);
      if (block) Flush();
    }
  }

  // Rows of a table, looking through thead/tbody/tfoot but not into nested
  // tables.
  static void Rows(xmlNode* node, std::vector<xmlNode*>& rows) {
    for (xmlNode* child = node->children; child; child = child->next) {
      if (child->type != XML_ELEMENT_NODE) continue;
      const std::string_view tag = TagOf(child);
      if (tag == "tr") {
        rows.push_back(child);
      } else if (tag == "thead" || tag == "tbody" || tag == "tfoot") {
        Rows(child, rows);
      }
    }
  }

  static bool HasNestedTable(xmlNode* node) {
    for (xmlNode* child = node->children; child; child = child->next) {
      if (child->type != XML_ELEMENT_NODE) continue;
      if (TagOf(child) == "table" || HasNestedTable(child)) return true;
    }
    return false;
  }

  static int Span(xmlNode* cell, const char* name) {
    const std::string value = Attribute(cell, name);
    if (value.empty()) return 1;
    const long parsed = std::strtol(value.c_str(), nullptr, 10);
    if (std::strcmp(name, "rowspan") == 0 && parsed == 0 && value[0] == '0')
      return 0;  // to the end of the table
    return static_cast<int>(std::clamp(parsed, 1L, 65534L));
  }

  // A table of figures, or nullopt for a layout table (nested tables, one
  // row or column, or cells holding whole paragraphs), which is read as
  // ordinary blocks.
  static std::optional<TableBlock> DataTable(xmlNode* table_node) {
    constexpr std::size_t kMaxCellChars = 200;
    if (HasNestedTable(table_node)) return std::nullopt;
    std::vector<xmlNode*> rows;
    Rows(table_node, rows);
    TableBlock table;
    std::size_t widest = 0;
    for (xmlNode* row : rows) {
      std::vector<CellBlock> cells;
      for (xmlNode* cell = row->children; cell; cell = cell->next) {
        if (cell->type != XML_ELEMENT_NODE) continue;
        const std::string_view tag = TagOf(cell);
        if (tag != "td" && tag != "th") continue;
        CellBlock block;
        block.text = TextOf(cell);
        if (VisibleChars(block.text) > kMaxCellChars) return std::nullopt;
        block.row_span = Span(cell, "rowspan");
        block.column_span = Span(cell, "colspan");
        cells.push_back(std::move(block));
      }
      widest = std::max(widest, cells.size());
      table.rows.push_back(std::move(cells));
    }
    if (table.rows.size() < 2 || widest < 2) return std::nullopt;
    return table;
  }

  xmlNode* root_;
  bool strip_;
  std::unordered_map<const xmlNode*, NodeStats> stats_;
  std::vector<xmlNode*> order_;
  Document document_;
  std::string paragraph_;
};

std::optional<std::string> DeclaredCharset(std::string_view bytes) {
  const std::string head = AsciiLowercase(bytes.substr(0, 4096));
  std::size_t position = 0;
  while ((position = head.find("<meta", position)) != std::string::npos) {
    std::size_t end = head.find('>', position);
    if (end == std::string::npos) end = head.size();
    const std::string_view tag =
        std::string_view(head).substr(position, end - position);
    position = end;
    std::size_t at = tag.find("charset");
    if (at == std::string_view::npos) continue;
    at += 7;
    while (at < tag.size() && tag[at] == ' ') ++at;
    if (at >= tag.size() || tag[at] != '=') continue;
    ++at;
    while (at < tag.size() &&
           (tag[at] == ' ' || tag[at] == '"' || tag[at] == '\''))
      ++at;
    std::size_t name_end = at;
    while (name_end < tag.size() &&
           (std::isalnum(static_cast<unsigned char>(tag[name_end])) ||
            tag[name_end] == '-' || tag[name_end] == '_' ||
            tag[name_end] == '.' || tag[name_end] == ':')) {
      ++name_end;
    }
    if (name_end > at) return std::string(tag.substr(at, name_end - at));
  }
  return std::nullopt;
}

struct Transcoded {
  std::string utf8;
  std::string encoding;
  bool bom = false;
};

Result<Transcoded> TranscodeHtml(std::string_view bytes,
                                 const DecodeOptions& options) {
  const auto convert =
      [&](std::string_view input,
          const std::string& encoding) -> std::optional<std::string> {
    auto converted = ConvertToUtf8(input, encoding);
    if (auto* text = std::get_if<std::string>(&converted))
      return std::move(*text);
    return std::nullopt;
  };
  if (!options.encoding.empty()) {
    if (!IsKnownEncoding(options.encoding)) {
      return Error{ErrorCode::kUnknownEncoding,
                   "unknown encoding '" + options.encoding + "'"};
    }
    if (auto text = convert(bytes, options.encoding))
      return Transcoded{std::move(*text), options.encoding, false};
    return Error{ErrorCode::kBadEncoding,
                 "HTML page is not valid " + options.encoding + " text"};
  }
  if (utf8::StartsWith(bytes, "\xEF\xBB\xBF")) {
    if (utf8::FirstInvalid(bytes.substr(3)) == std::string_view::npos)
      return Transcoded{std::string(bytes.substr(3)), "UTF-8", true};
    return Error{ErrorCode::kBadEncoding,
                 "HTML page has a UTF-8 byte-order mark but is not UTF-8"};
  }
  for (const auto& [bom, name] :
       {std::pair<std::string_view, const char*>{"\xFF\xFE", "UTF-16LE"},
        {"\xFE\xFF", "UTF-16BE"}}) {
    if (utf8::StartsWith(bytes, bom)) {
      if (auto text = convert(bytes.substr(2), name))
        return Transcoded{std::move(*text), name, true};
      return Error{ErrorCode::kBadEncoding,
                   std::string("HTML page is not valid ") + name + " text"};
    }
  }
  const bool valid_utf8 = utf8::FirstInvalid(bytes) == std::string_view::npos;
  if (std::optional<std::string> label = DeclaredCharset(bytes)) {
    const std::string converter = WebCharsetToConverter(*label);
    // A page whose <meta> could be read as ASCII is not in an encoding
    // that writes ASCII otherwise (UTF-16, UTF-32, EBCDIC): browsers ignore
    // such a declaration, and so does lawreport. The test is that the
    // declaration's own ASCII reads back unchanged.
    const auto ascii_compatible = [&](const std::string& encoding) {
      constexpr std::string_view kAscii = "<meta charset=\"utf-8\">";
      const std::optional<std::string> read = convert(kAscii, encoding);
      return read && *read == kAscii;
    };
    if (IsKnownEncoding(converter) && ascii_compatible(converter)) {
      if (auto text = convert(bytes, converter))
        return Transcoded{std::move(*text), converter, false};
    }
  }
  // No usable declaration, or one the bytes contradict (a page re-saved
  // as UTF-8 keeps its old <meta charset=gb2312>).
  if (valid_utf8) return Transcoded{std::string(bytes), "UTF-8", false};
  if (auto text = convert(bytes, "GB18030"))
    return Transcoded{std::move(*text), "GB18030", false};
  return Error{ErrorCode::kBadEncoding,
               "HTML page is neither in its declared encoding, nor UTF-8, nor "
               "GB18030; name the encoding with --encoding"};
}

}  // namespace

std::string WebCharsetToConverter(std::string_view label) {
  const std::string lower = AsciiLowercase(label);
  if (lower == "gb2312" || lower == "gbk" || lower == "x-gbk" ||
      lower == "gb18030" || lower == "cp936" || lower == "gb_2312-80" ||
      lower == "euc-cn" || lower == "windows-936") {
    return "GB18030";
  }
  if (lower == "utf8" || lower == "utf-8") return "UTF-8";
  if (lower == "big5" || lower == "big5-hkscs") return "Big5";
  return std::string(label);
}

namespace {

// libxml2 checks each attribute of an element against all the ones before
// it: 100,000 attributes on one <p> take 30 s. No page a government
// publishes has more than a few dozen, so a tag with more is refused.
constexpr std::size_t kMaxAttributesPerElement = 2000;

bool StartsWithLower(std::string_view text, std::size_t at,
                     std::string_view lower) {
  if (text.size() - std::min(at, text.size()) < lower.size()) return false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    char c = text[at + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// The most attributes any start tag of `html` has: names separated by
// spaces, outside quoted values, skipping comments and script and style.
std::size_t MostAttributesOnOneTag(std::string_view html) {
  std::size_t most = 0;
  std::size_t at = 0;
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  while ((at = html.find('<', at)) != std::string_view::npos) {
    if (html.compare(at, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", at + 4);
      if (end == std::string_view::npos) break;
      at = end + 3;
      continue;
    }
    ++at;
    if (at >= html.size() ||
        !std::isalpha(static_cast<unsigned char>(html[at])))
      continue;
    const bool raw_text = StartsWithLower(html, at, "script") ||
                          StartsWithLower(html, at, "style");
    const std::string_view close =
        StartsWithLower(html, at, "script") ? "</script" : "</style";
    std::size_t count = 0;
    char quote = 0;
    bool after_space = false;
    for (; at < html.size(); ++at) {
      const char c = html[at];
      if (quote != 0) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '>') break;
      if (c == '"' || c == '\'') {
        quote = c;
        continue;
      }
      if (is_space(c)) {
        after_space = true;
      } else {
        if (after_space && c != '/' && c != '=') ++count;
        after_space = false;
      }
    }
    most = std::max(most, count);
    if (raw_text) {
      while (at < html.size() && !StartsWithLower(html, at, close)) {
        at = html.find('<', at + 1);
        if (at == std::string_view::npos) return most;
      }
    }
  }
  return most;
}

}  // namespace

Result<HtmlDocument> ReadHtml(std::string_view bytes,
                              const DecodeOptions& options) {
  Result<Transcoded> transcoded = TranscodeHtml(bytes, options);
  if (!transcoded) return transcoded.error();
  if (MostAttributesOnOneTag(transcoded->utf8) > kMaxAttributesPerElement) {
    return Error{ErrorCode::kLimitExceeded,
                 "an HTML element has more than " +
                     std::to_string(kMaxAttributesPerElement) + " attributes"};
  }

  PrepareLibxml();
  const int parse_options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                            HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                            HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
                            kWholeText;
  struct ContextFree {
    void operator()(htmlParserCtxtPtr c) const { htmlFreeParserCtxt(c); }
  };
  std::unique_ptr<htmlParserCtxt, ContextFree> context(htmlNewParserCtxt());
  if (context == nullptr) {
    return Error{ErrorCode::kDamaged, "cannot parse the HTML page"};
  }
  LimitDepth(context.get());
  htmlDocPtr doc = htmlCtxtReadMemory(context.get(), transcoded->utf8.data(),
                                      static_cast<int>(transcoded->utf8.size()),
                                      nullptr, "UTF-8", parse_options);
  struct DocFree {
    void operator()(htmlDocPtr d) const { xmlFreeDoc(d); }
  };
  std::unique_ptr<xmlDoc, DocFree> owned(doc);
  if (HitDepthLimit(context.get())) {
    return Error{ErrorCode::kLimitExceeded,
                 "HTML elements nested deeper than " +
                     std::to_string(kMaxMarkupDepth) + " levels"};
  }
  // In recovery mode libxml2 returns what it had read when an allocation
  // failed (or a text passed the most it can hold): a page cut there.
  if (context->errNo == XML_ERR_NO_MEMORY) {
    return Error{ErrorCode::kLimitExceeded,
                 "the HTML parser ran out of memory: the page is refused "
                 "rather than read in part"};
  }
  if (doc == nullptr) {
    return Error{ErrorCode::kDamaged, "cannot parse the HTML page"};
  }
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr)
    return Error{ErrorCode::kEmpty, "HTML page has no content"};

  HtmlReader reader(root, options.strip_boilerplate);
  Result<Document> document = reader.Read();
  if (!document) return document.error();
  HtmlDocument html;
  html.document = std::move(*document);
  html.encoding = transcoded->encoding;
  html.bom = transcoded->bom;
  return html;
}

}  // namespace lawreport::decode_internal
