// See straighten.h. Part of the OCR module (liblawreport_ocr.so).
#include "decode/straighten.h"

#include <leptonica/allheaders.h>

#include <cstddef>
#include <cstdint>
#include <mutex>

namespace lawreport::decode_internal {

GrayImage Straighten(GrayImage image) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { setMsgSeverity(L_SEVERITY_NONE); });
  PIX* pix = pixCreate(image.width, image.height, 8);
  if (pix == nullptr) return image;
  l_uint32* data = pixGetData(pix);
  const int words_per_line = pixGetWpl(pix);
  for (int y = 0; y < image.height; ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * words_per_line;
    for (int x = 0; x < image.width; ++x)
      SET_DATA_BYTE(line, x, image.at(x, y));
  }
  PIX* straight = pixDeskew(pix, 0);
  if (straight != nullptr && straight != pix && pixGetDepth(straight) == 8 &&
      pixGetWidth(straight) == image.width &&
      pixGetHeight(straight) == image.height) {
    const l_uint32* turned = pixGetData(straight);
    const int turned_wpl = pixGetWpl(straight);
    for (int y = 0; y < image.height; ++y) {
      const l_uint32* line =
          turned + static_cast<std::ptrdiff_t>(y) * turned_wpl;
      for (int x = 0; x < image.width; ++x)
        image.at(x, y) = static_cast<std::uint8_t>(GET_DATA_BYTE(line, x));
    }
  }
  pixDestroy(&straight);  // a clone of pix when the page was straight
  pixDestroy(&pix);
  return image;
}

}  // namespace lawreport::decode_internal
