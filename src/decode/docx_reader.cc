// DOCX (Office Open XML) → paragraphs and tables (see readers.h).
//
// Reads word/document.xml, plus word/numbering.xml and word/styles.xml to
// render Word's automatic numbering into the markers it displays
// (docx_numbering.h): a heading whose text is "加强党的领导" and whose
// numbering level says
// <w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/> becomes
// "（二）加强党的领导" when it is the second at its level. Headers, footers,
// footnotes and comments are not read; deleted revisions are skipped and
// inserted ones kept.
//
// Limits: the archive may hold at most max_zip_entries entries, and the
// parts read may inflate to at most max_unzipped_bytes in all (a zip bomb
// is refused while inflating, whatever sizes its directory claims); the
// text they render, numbering markers included, counts against the same
// limit. A paragraph is read whole however long (FromDocument holds it to
// max_line_bytes). XML is
// parsed without network access, DTDs or entity substitution; a part with
// a DOCTYPE is refused.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "decode/docx_numbering.h"
#include "decode/libxml.h"
#include "decode/readers.h"

namespace lawreport::decode_internal {
namespace {

constexpr const char* kWordNamespace =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// --- the archive -----------------------------------------------------------

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

class Archive {
 public:
  static Result<Archive> Open(std::string_view bytes,
                              const DecodeOptions& options) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source =
        zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
      zip_error_fini(&error);
      return Error{ErrorCode::kDamaged, "cannot read the ZIP container"};
    }
    zip_t* archive =
        zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (archive == nullptr) {
      zip_source_free(source);
      const std::string reason = zip_error_strerror(&error);
      zip_error_fini(&error);
      return Error{ErrorCode::kDamaged, "a damaged DOCX (ZIP) file: " + reason};
    }
    zip_error_fini(&error);
    Archive result;
    result.archive_.reset(archive);
    result.budget_ = options.max_unzipped_bytes;
    const zip_int64_t entries = zip_get_num_entries(archive, 0);
    if (entries < 0 ||
        static_cast<std::uint64_t>(entries) > options.max_zip_entries) {
      return Error{ErrorCode::kLimitExceeded,
                   "DOCX holds " + std::to_string(entries) +
                       " entries, over the limit of " +
                       std::to_string(options.max_zip_entries) +
                       " (raise it with --max-zip-entries)"};
    }
    return result;
  }

  bool Has(const char* name) const {
    return zip_name_locate(archive_.get(), name, 0) >= 0;
  }

  // The inflated entry, or nullopt when it is absent.
  Result<std::optional<std::string>> Read(const char* name) {
    const zip_int64_t index = zip_name_locate(archive_.get(), name, 0);
    if (index < 0) return std::optional<std::string>();
    zip_file_t* file =
        zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0);
    if (file == nullptr) {
      return Error{ErrorCode::kDamaged,
                   std::string("a damaged DOCX: cannot open ") + name + ": " +
                       zip_strerror(archive_.get())};
    }
    std::string content;
    std::array<char, 65536> buffer;
    for (;;) {
      const zip_int64_t got = zip_fread(file, buffer.data(), buffer.size());
      if (got < 0) {
        const std::string reason = zip_file_strerror(file);
        zip_fclose(file);
        return Error{ErrorCode::kDamaged,
                     std::string("a damaged DOCX: ") + name + ": " + reason};
      }
      if (got == 0) break;
      if (static_cast<std::uint64_t>(got) > budget_) {
        zip_fclose(file);
        return Error{ErrorCode::kLimitExceeded,
                     std::string("DOCX part ") + name +
                         " inflates past the limit of " +
                         std::to_string(limit_) +
                         " bytes (a zip bomb?; raise it with "
                         "--max-unzipped-bytes)"};
      }
      budget_ -= static_cast<std::uint64_t>(got);
      content.append(buffer.data(), static_cast<std::size_t>(got));
    }
    zip_fclose(file);
    return std::optional<std::string>(std::move(content));
  }

  void set_limit(std::uint64_t limit) { limit_ = limit; }
  // What max_unzipped_bytes leaves after the parts inflated so far.
  std::uint64_t remaining() const { return budget_; }

 private:
  std::unique_ptr<zip_t, ZipCloser> archive_;
  std::uint64_t budget_ = 0;
  std::uint64_t limit_ = 0;
};

// --- XML -------------------------------------------------------------------

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

Result<XmlDoc> ParseXml(const std::string& content, const char* name) {
  // Office never writes a DTD; one in a part can only be an attack
  // (entity expansion, external entities).
  if (content.find("<!DOCTYPE") != std::string::npos) {
    return Error{ErrorCode::kDamaged,
                 std::string("DOCX part ") + name + " declares a DTD: refused"};
  }
  struct ContextFree {
    void operator()(xmlParserCtxtPtr c) const { xmlFreeParserCtxt(c); }
  };
  std::unique_ptr<xmlParserCtxt, ContextFree> context(xmlNewParserCtxt());
  if (context == nullptr) {
    return Error{ErrorCode::kDamaged, std::string("cannot parse ") + name};
  }
  LimitDepth(context.get());
  xmlDoc* doc = xmlCtxtReadMemory(
      context.get(), content.data(), static_cast<int>(content.size()), name,
      nullptr,
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
          XML_PARSE_COMPACT | kWholeText);
  if (HitDepthLimit(context.get())) {
    if (doc != nullptr) xmlFreeDoc(doc);
    return Error{ErrorCode::kLimitExceeded,
                 std::string("DOCX part ") + name +
                     " nests elements deeper than " +
                     std::to_string(kMaxMarkupDepth) + " levels"};
  }
  if (doc == nullptr) {
    return Error{ErrorCode::kDamaged, std::string("a damaged DOCX: ") + name +
                                          " is not well-formed XML"};
  }
  // The same for a DTD the byte check missed (a part in UTF-16).
  if (doc->intSubset != nullptr || doc->extSubset != nullptr) {
    xmlFreeDoc(doc);
    return Error{ErrorCode::kDamaged,
                 std::string("DOCX part ") + name + " declares a DTD: refused"};
  }
  return XmlDoc(doc);
}

bool IsWord(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && node->ns != nullptr &&
         xmlStrEqual(node->ns->href,
                     reinterpret_cast<const xmlChar*>(kWordNamespace)) &&
         xmlStrEqual(node->name, reinterpret_cast<const xmlChar*>(name));
}

std::string_view LocalName(const xmlNode* node) {
  return reinterpret_cast<const char*>(node->name);
}

xmlNode* Child(const xmlNode* node, const char* name) {
  if (node == nullptr) return nullptr;
  for (xmlNode* child = node->children; child; child = child->next) {
    if (IsWord(child, name)) return child;
  }
  return nullptr;
}

// w:val and the like: attributes in the Word namespace.
std::optional<std::string> WordAttribute(const xmlNode* node,
                                         const char* name) {
  if (node == nullptr) return std::nullopt;
  xmlChar* value =
      xmlGetNsProp(node, reinterpret_cast<const xmlChar*>(name),
                   reinterpret_cast<const xmlChar*>(kWordNamespace));
  if (value == nullptr) return std::nullopt;
  std::string result(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return result;
}

std::optional<int> IntAttribute(const xmlNode* node, const char* name) {
  const std::optional<std::string> value = WordAttribute(node, name);
  if (!value || value->empty()) return std::nullopt;
  char* end = nullptr;
  const long parsed = std::strtol(value->c_str(), &end, 10);
  if (end == value->c_str()) return std::nullopt;
  return static_cast<int>(std::clamp(parsed, -1000000L, 1000000L));
}

// --- numbering -------------------------------------------------------------

using docx::AbstractNumbering;
using docx::kLevels;
using docx::Level;
using docx::Numbering;
using docx::NumberingInstance;
using docx::NumberReference;

void ReadLevel(const xmlNode* node, Level& level) {
  if (auto start = IntAttribute(Child(node, "start"), "val"))
    level.start = *start;
  if (auto format = WordAttribute(Child(node, "numFmt"), "val"))
    level.format = *format;
  if (auto text = WordAttribute(Child(node, "lvlText"), "val"))
    level.text = *text;
  if (auto suffix = WordAttribute(Child(node, "suff"), "val"))
    level.suffix = *suffix;
  if (auto restart = IntAttribute(Child(node, "lvlRestart"), "val"))
    level.restart = *restart;
  if (const xmlNode* legal = Child(node, "isLgl")) {
    const std::optional<std::string> value = WordAttribute(legal, "val");
    level.legal = !value || (*value != "0" && *value != "false");
  }
}

// The lists of word/numbering.xml (its root element, w:numbering).
void LoadNumbering(const xmlNode* root, Numbering& numbering) {
  for (xmlNode* node = root ? root->children : nullptr; node;
       node = node->next) {
    if (IsWord(node, "abstractNum")) {
      const std::optional<std::string> id =
          WordAttribute(node, "abstractNumId");
      if (!id) continue;
      AbstractNumbering& abstract = numbering.Abstract(*id);
      for (xmlNode* level = node->children; level; level = level->next) {
        if (!IsWord(level, "lvl")) continue;
        const std::optional<int> index = IntAttribute(level, "ilvl");
        if (!index || *index < 0 || *index >= kLevels) continue;
        ReadLevel(level, abstract.levels[static_cast<std::size_t>(*index)]);
      }
    } else if (IsWord(node, "num")) {
      const std::optional<std::string> id = WordAttribute(node, "numId");
      const std::optional<std::string> abstract =
          WordAttribute(Child(node, "abstractNumId"), "val");
      if (!id || !abstract) continue;
      NumberingInstance& instance = numbering.Instance(*id);
      instance.abstract_id = *abstract;
      for (xmlNode* over = node->children; over; over = over->next) {
        if (!IsWord(over, "lvlOverride")) continue;
        const std::optional<int> index = IntAttribute(over, "ilvl");
        const std::optional<int> start =
            IntAttribute(Child(over, "startOverride"), "val");
        if (index && *index >= 0 && *index < kLevels && start)
          instance.start_overrides[static_cast<std::size_t>(*index)] = start;
      }
    }
  }
}

// Paragraph styles: the numbering a style (or a style it is based on) gives.
class Styles {
 public:
  void Load(const xmlNode* root) {
    for (xmlNode* node = root ? root->children : nullptr; node;
         node = node->next) {
      if (!IsWord(node, "style")) continue;
      const std::optional<std::string> id = WordAttribute(node, "styleId");
      if (!id) continue;
      Style& style = styles_[*id];
      if (auto based = WordAttribute(Child(node, "basedOn"), "val"))
        style.based_on = *based;
      const xmlNode* number = Child(Child(node, "pPr"), "numPr");
      if (number) {
        style.numbering.num_id = WordAttribute(Child(number, "numId"), "val");
        style.numbering.level = IntAttribute(Child(number, "ilvl"), "val");
      }
    }
  }

  NumberReference NumberingOf(const std::string& style_id) const {
    NumberReference found;
    std::string current = style_id;
    for (int hops = 0; hops < 16 && !current.empty(); ++hops) {
      const auto style = styles_.find(current);
      if (style == styles_.end()) break;
      if (!found.num_id) found.num_id = style->second.numbering.num_id;
      if (!found.level) found.level = style->second.numbering.level;
      current = style->second.based_on;
    }
    return found;
  }

 private:
  struct Style {
    std::string based_on;
    NumberReference numbering;
  };
  std::map<std::string, Style> styles_;
};

// --- the body --------------------------------------------------------------

class BodyReader {
 public:
  // `budget`: the bytes of text the paragraphs and cells may render, out
  // of `limit` (max_unzipped_bytes) less the XML inflated to get here.
  BodyReader(Numbering& numbering, const Styles& styles, std::uint64_t budget,
             std::uint64_t limit)
      : numbering_(numbering),
        styles_(styles),
        budget_(budget),
        limit_(limit) {}

  Result<Document> Read(const xmlNode* body) {
    if (!Blocks(body, 0)) return error_ ? *error_ : TooDeep();
    return std::move(document_);
  }

 private:
  static Error TooDeep() {
    return Error{ErrorCode::kLimitExceeded,
                 "DOCX elements nested deeper than " +
                     std::to_string(kMaxMarkupDepth) + " levels"};
  }

  // A paragraph's own words are never longer than the XML that holds them,
  // but Word's numbering adds a marker of up to 257 bytes to a <w:p> of
  // some 50 that only names its style or list: 20,000 such paragraphs, 1
  // MB of XML zipped into 5 KB, render 5 MB. Rendered text counts against
  // max_unzipped_bytes with that XML, so a small file cannot expand into a
  // large text (nor the memory every later stage spends per byte of it).
  bool Charge(std::size_t bytes) {
    if (bytes <= budget_) {
      budget_ -= bytes;
      return true;
    }
    error_ = Error{ErrorCode::kLimitExceeded,
                   "DOCX text with its numbering markers, counted with the "
                   "XML it came from, is over the limit of " +
                       std::to_string(limit_) +
                       " bytes (raise it with --max-unzipped-bytes)"};
    return false;
  }

  // Block-level content: paragraphs, tables, and the containers that hold
  // them (content controls, inserted revisions, custom XML).
  bool Blocks(const xmlNode* parent, int depth) {
    if (depth > kMaxMarkupDepth) return false;
    for (const xmlNode* node = parent->children; node; node = node->next) {
      if (IsWord(node, "p")) {
        std::string text;
        if (!Paragraph(node, text, depth + 1) || !Charge(text.size()))
          return false;
        document_.AddParagraph(text);
      } else if (IsWord(node, "tbl")) {
        if (!Table(node, depth + 1)) return false;
      } else if (node->type == XML_ELEMENT_NODE && !IsWord(node, "del") &&
                 !IsWord(node, "sectPr")) {
        if (!Blocks(node, depth + 1)) return false;
      }
    }
    return true;
  }

  bool Paragraph(const xmlNode* paragraph, std::string& text, int depth) {
    const xmlNode* properties = Child(paragraph, "pPr");
    NumberReference reference;
    if (const xmlNode* style = Child(properties, "pStyle")) {
      reference = styles_.NumberingOf(WordAttribute(style, "val").value_or(""));
    }
    if (const xmlNode* number = Child(properties, "numPr")) {
      if (auto id = WordAttribute(Child(number, "numId"), "val"))
        reference.num_id = id;
      if (auto level = IntAttribute(Child(number, "ilvl"), "val"))
        reference.level = level;
    }
    text = numbering_.Next(reference);
    return Runs(paragraph, text, depth);
  }

  // The text inside a paragraph, in document order.
  bool Runs(const xmlNode* parent, std::string& text, int depth) {
    if (depth > kMaxMarkupDepth) return false;
    for (const xmlNode* node = parent->children; node; node = node->next) {
      if (node->type != XML_ELEMENT_NODE) continue;
      if (IsWord(node, "t")) {
        xmlChar* content = xmlNodeGetContent(node);
        if (content) {
          text += reinterpret_cast<const char*>(content);
          xmlFree(content);
        }
      } else if (IsWord(node, "tab") || IsWord(node, "ptab")) {
        text += '\t';
      } else if (IsWord(node, "br") || IsWord(node, "cr")) {
        // A page break is layout; a line break starts a new line.
        if (WordAttribute(node, "type").value_or("") != "page") text += '\n';
      } else if (IsWord(node, "noBreakHyphen")) {
        text += '-';
      } else if (IsWord(node, "p")) {
        // A paragraph inside a text box.
        text += '\n';
        if (!Runs(node, text, depth + 1)) return false;
      } else if (IsWord(node, "del") || IsWord(node, "pPr") ||
                 IsWord(node, "rPr") || IsWord(node, "instrText") ||
                 IsWord(node, "delText") || LocalName(node) == "Fallback") {
        continue;
      } else {
        if (!Runs(node, text, depth + 1)) return false;
      }
    }
    return true;
  }

  bool Table(const xmlNode* table_node, int depth) {
    if (depth > kMaxMarkupDepth) return false;
    struct Cell {
      CellBlock block;
      int column = 0;
      bool continues_merge = false;
    };
    std::vector<std::vector<Cell>> rows;
    for (const xmlNode* row = table_node->children; row; row = row->next) {
      if (!IsWord(row, "tr")) continue;
      std::vector<Cell> cells;
      int column = 0;
      for (const xmlNode* cell = row->children; cell; cell = cell->next) {
        if (!IsWord(cell, "tc")) continue;
        const xmlNode* properties = Child(cell, "tcPr");
        Cell entry;
        entry.column = column;
        entry.block.column_span = std::clamp(
            IntAttribute(Child(properties, "gridSpan"), "val").value_or(1), 1,
            kMaxColumnSpan);
        if (const xmlNode* merge = Child(properties, "vMerge")) {
          entry.continues_merge =
              WordAttribute(merge, "val").value_or("continue") != "restart";
        }
        // A nested table in a cell is read as the cell's text.
        for (const xmlNode* inside = cell->children; inside;
             inside = inside->next) {
          if (IsWord(inside, "p") || IsWord(inside, "tbl") ||
              IsWord(inside, "sdt")) {
            std::string text;
            if (!Runs(inside, text, depth + 2) || !Charge(text.size()))
              return false;
            if (!entry.block.text.empty()) entry.block.text += '\n';
            entry.block.text += text;
          }
        }
        column += entry.block.column_span;
        cells.push_back(std::move(entry));
      }
      rows.push_back(std::move(cells));
    }
    // A vertically merged cell spans down over its continuation cells,
    // which are dropped.
    for (std::size_t row = 0; row < rows.size(); ++row) {
      for (Cell& cell : rows[row]) {
        if (!cell.continues_merge) continue;
        for (std::size_t above = row; above-- > 0;) {
          Cell* origin = nullptr;
          for (Cell& candidate : rows[above]) {
            if (candidate.column == cell.column) origin = &candidate;
          }
          if (origin == nullptr) break;
          if (!origin->continues_merge) {
            ++origin->block.row_span;
            break;
          }
        }
      }
    }
    TableBlock table;
    for (auto& row : rows) {
      std::vector<CellBlock> cells;
      for (Cell& cell : row) {
        if (!cell.continues_merge) cells.push_back(std::move(cell.block));
      }
      table.rows.push_back(std::move(cells));
    }
    document_.AddTable(std::move(table));
    return true;
  }

  Numbering& numbering_;
  const Styles& styles_;
  std::uint64_t budget_;
  std::uint64_t limit_;
  std::optional<Error> error_;  // set when Charge refused; else too deep
  Document document_;
};

}  // namespace

Result<Document> ReadDocx(std::string_view bytes,
                          const DecodeOptions& options) {
  PrepareLibxml();
  Result<Archive> archive = Archive::Open(bytes, options);
  if (!archive) return archive.error();
  archive->set_limit(options.max_unzipped_bytes);
  if (!archive->Has("word/document.xml")) {
    return Error{ErrorCode::kUnsupportedFormat,
                 "a ZIP file without word/document.xml: not a DOCX document"};
  }

  Numbering numbering;
  Styles styles;
  std::vector<XmlDoc> keep;
  for (const char* part : {"word/numbering.xml", "word/styles.xml"}) {
    Result<std::optional<std::string>> content = archive->Read(part);
    if (!content) return content.error();
    if (!*content) continue;
    Result<XmlDoc> doc = ParseXml(**content, part);
    if (!doc) return doc.error();
    const xmlNode* root = xmlDocGetRootElement(doc->get());
    if (std::string_view(part) == "word/numbering.xml") {
      LoadNumbering(root, numbering);
    } else {
      styles.Load(root);
    }
  }

  Result<std::optional<std::string>> content =
      archive->Read("word/document.xml");
  if (!content) return content.error();
  Result<XmlDoc> doc = ParseXml(**content, "word/document.xml");
  if (!doc) return doc.error();
  const xmlNode* root = xmlDocGetRootElement(doc->get());
  const xmlNode* body = root ? Child(root, "body") : nullptr;
  if (body == nullptr) {
    return Error{ErrorCode::kDamaged,
                 "a damaged DOCX: word/document.xml has no w:body"};
  }
  BodyReader reader(numbering, styles, archive->remaining(),
                    options.max_unzipped_bytes);
  return reader.Read(body);
}

}  // namespace lawreport::decode_internal
