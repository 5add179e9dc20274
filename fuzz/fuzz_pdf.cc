// libFuzzer target: arbitrary bytes through the PDF reader and the whole
// pipeline after it (outline, numbers, indicators with table figures, checks).
// Seeded from tests/fixtures/formats by fuzz/run.sh. A page without a usable
// text layer goes through the OCR path (rendering, rule erasing, Tesseract,
// the same layout), at a low resolution and under a small pixel limit.
//
// Tesseract's network costs seconds per page of text under the sanitizers
// (about 5 s for a page of the sample), whatever the resolution, so a mutated
// 9-page report whose fonts broke would take 45 s and trip libFuzzer's
// timeout, which is there for hangs. An input therefore gets the treatment
// --timeout gives a file: after a second no further page is started, one page
// at a time.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <thread>

#include "lawreport/report.h"

namespace {

// Sets `cancelled` once `budget` has passed, unless finished first.
class Deadline {
 public:
  explicit Deadline(std::chrono::milliseconds budget)
      : watchdog_([this, budget] {
          std::unique_lock<std::mutex> lock(mutex_);
          if (!wake_.wait_for(lock, budget, [this] { return finished_; }))
            cancelled_.store(true);
        }) {}
  ~Deadline() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      finished_ = true;
    }
    wake_.notify_one();
    watchdog_.join();
  }
  const std::atomic<bool>* cancelled() const { return &cancelled_; }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool finished_ = false;
  std::atomic<bool> cancelled_{false};
  std::thread watchdog_;  // last: started once the fields above exist
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const Deadline deadline(std::chrono::milliseconds(1000));
  lawreport::ProcessOptions options;
  options.decode.format = lawreport::InputFormat::kPdf;
  // Small limits, so that a hostile input hits them quickly.
  options.decode.max_unzipped_bytes = 4 << 20;
  options.decode.max_pages = 50;
  options.decode.ocr_dpi = 50;
  options.decode.ocr_jobs = 1;
  options.decode.max_render_pixels = 1 << 18;  // an A4 page at 50 dpi fits
  options.decode.cancelled = deadline.cancelled();
  auto report = lawreport::ProcessBytes(bytes, "fuzz.pdf", options);
  if (report) {
    for (const lawreport::Indicator& indicator : report->indicators)
      (void)report->text.PageAt(indicator.value_begin);
  }
  return 0;
}
