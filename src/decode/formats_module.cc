// The formats module's entry point (see formats_module.h): the table of the
// readers built into liblawreport_formats.so.
#include "decode/formats_module.h"

extern "C" __attribute__((visibility("default")))
const lawreport::decode_internal::FormatsModule*
lawreport_formats_module() {
  using namespace lawreport::decode_internal;
  static const FormatsModule table{kFormatsInterfaceVersion, ConvertToUtf8,
                                   DetectCharset, ReadHtml, ReadDocx};
  return &table;
}
