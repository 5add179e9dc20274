// libFuzzer target: the worker-process path of the container readers, from
// the parent's side. The CLI reads a PDF (HTML, DOCX) in a `lawreport
// __read-worker` process, and the parent rebuilds the worker's reply with
// DecodeReading (src/decode/container_codec.h): bytes from a process that
// has just parsed a hostile file, a trust boundary. Starting processes
// inside libFuzzer is impractical, so this target plays the worker: the
// input is its reply.
//
// Each input goes
//   1. through DecodeReading; a reply that decodes (a reading, or the
//      reader's error) must encode back to exactly its bytes, the form
//      having one spelling per reading, and what the parent encodes it
//      must decode to the same thing;
//   2. through the parent's path, installed as DecodeOptions::read_container
//      the way the CLI installs its worker: Decode(kPdf) rebuilds the
//      Document, lays it out as a Text with the worker's page and OCR
//      marks, and finds tables in it; then every line is asked what the
//      later stages ask (page, position, OCR confidence, table). The
//      stages after decode see a Text like any PDF's: fuzz_pdf and
//      fuzz_pipeline drive them;
//   3. through DecodeContainerRequest, the worker's side of the request,
//      with the same round trip.
// A round trip that is not exact aborts (__builtin_trap).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "decode/container_codec.h"
#include "lawreport/decode.h"
#include "lawreport/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using lawreport::decode_internal::ContainerReading;
  const std::string_view reply(reinterpret_cast<const char*>(data), size);

  const lawreport::Result<ContainerReading> reading =
      lawreport::decode_internal::DecodeReading(reply);
  const std::string again = lawreport::decode_internal::EncodeReading(reading);
  // A reading has one spelling: one that decodes encodes back to its bytes.
  if (reading && again != reply) __builtin_trap();
  // So does a worker's error; anything else is the parent's own kDamaged.
  if (!reading && again != reply &&
      reading.error().code != lawreport::ErrorCode::kDamaged)
    __builtin_trap();
  // And what the parent encodes, it decodes to the same thing.
  if (lawreport::decode_internal::EncodeReading(
          lawreport::decode_internal::DecodeReading(again)) != again)
    __builtin_trap();

  // The parent's path after the pipe: what the CLI runs on the reply.
  lawreport::DecodeOptions options;
  options.format = lawreport::InputFormat::kPdf;
  options.read_container = [reply](lawreport::InputFormat, std::string_view,
                                   std::string_view,
                                   const lawreport::DecodeOptions&)
      -> std::optional<lawreport::Result<std::string>> {
    return lawreport::Result<std::string>(std::string(reply));
  };
  auto decoded = lawreport::Decode("%PDF-1.7\n", options, "fuzz.pdf");
  if (decoded) {
    // What the later stages ask of a Text, at every line's ends: pages
    // and OCR marks from the worker land somewhere in it.
    const lawreport::Text& text = decoded->text;
    for (int line = 1; line <= text.line_count(); ++line) {
      const lawreport::Line& at =
          text.lines()[static_cast<std::size_t>(line - 1)];
      (void)text.PageAt(at.begin);
      (void)text.PageAt(at.end);
      (void)text.PositionOf(at.end);
      (void)text.SourceOf(at.begin, at.end);
      (void)text.OcrConfidence(at.begin, at.end);
      (void)text.TableAt(line);
    }
  }

  // The request the parent sends the worker (trusted, but cheap to check).
  const auto request = lawreport::DecodeContainerRequest(reply);
  if (request && lawreport::EncodeContainerRequest(
                     request->format, request->path, request->bytes,
                     request->options) != reply)
    __builtin_trap();
  return 0;
}
