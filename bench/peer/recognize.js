// Peer for bench/run_batch_bench.sh: Microsoft Recognizers-Text over the same
// files lawreport reads, Chinese culture, numbers and percentages (what
// lawreport's numbers stage finds). Prints "files bytes seconds mentions".
// usage: node recognize.js FILE...   (or a list of files on stdin with -)
'use strict';
const fs = require('fs');
const { Culture } = require('@microsoft/recognizers-text-suite');
const { NumberRecognizer } = require('@microsoft/recognizers-text-number');

// Models built once and reused, the fastest way the library offers.
const recognizer = new NumberRecognizer(Culture.Chinese);
const numbers = recognizer.getNumberModel();
const percents = recognizer.getPercentageModel();

let files = process.argv.slice(2);
if (files.length === 1 && files[0] === '-') {
  files = fs.readFileSync(0, 'utf8').split('\n').filter(Boolean);
}
const started = process.hrtime.bigint();
let bytes = 0;
let mentions = 0;
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  bytes += Buffer.byteLength(text);
  // Line by line, as a report's paragraphs are.
  for (const line of text.split('\n')) {
    if (!line) continue;
    mentions += numbers.parse(line).length + percents.parse(line).length;
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`${files.length} ${bytes} ${seconds.toFixed(3)} ${mentions}`);
