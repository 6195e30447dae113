// Scan throughput: the shared corpus of real manifests, replicated in memory to at least
// 10,000 objects, read and judged on one thread the way `ccspm scan` does (parse, locate,
// match, check), printing objects per second and the peak resident memory. It also times
// libyaml's event parser alone over the same text, and says how much of the corpus the block
// reader (manifest/block_reader.h) reads rather than libyaml.
//
// usage: scan_bench [CORPUS_DIR [POLICY_SOURCE...]]
// defaults: ../shared/corpus beside the source tree, and the whole built-in policy library.
#include <sys/resource.h>
#include <yaml.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/scan/inputs.h"
#include "cli/scan/policy_library.h"
#include "cli/scan/policy_sources.h"
#include "cli/scan/scanner.h"
#include "manifest/block_reader.h"
#include "manifest/document_split.h"
#include "manifest/manifest.h"
#include "manifest/text_check.h"

namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kMinObjects = 10'000;

double Seconds(Clock::duration duration) {
  return std::chrono::duration<double>(duration).count();
}

// Reads every event of `text` with libyaml and drops it; false on a syntax error.
bool EventsOnly(const std::string& text) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  bool ok = true;
  for (bool done = false; ok && !done;) {
    yaml_event_t event;
    ok = yaml_parser_parse(&parser, &event) != 0;
    done = ok && event.type == YAML_STREAM_END_EVENT;
    if (ok) yaml_event_delete(&event);
  }
  yaml_parser_delete(&parser);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  namespace scan = ccspm::cli::scan;
  const std::string corpus = argc > 1 ? argv[1] : CCSPM_SOURCE_DIR "/../shared/corpus";
  std::vector<std::string> sources(argv + std::min(argc, 2), argv + argc);
  if (sources.empty()) {
    for (const scan::LibraryFile& file : scan::PolicyLibrary()) sources.emplace_back(file.name);
  }

  ccspm::Result<scan::LoadedPolicies> policies = scan::LoadPolicySources(sources);
  if (!policies.ok()) {
    std::fprintf(stderr, "scan_bench: %s\n", policies.status().message().c_str());
    return 2;
  }

  // Read once; the timed loop measures parsing and judging, not the disk.
  std::vector<std::pair<std::string, std::string>> files;
  size_t objects_per_pass = 0;
  size_t bytes_per_pass = 0;
  size_t chunks = 0;
  size_t block_chunks = 0;
  size_t block_bytes = 0;
  for (const scan::InputFile& file : scan::ExpandInputs({corpus}).files) {
    ccspm::Result<std::string> text = scan::ReadInput(file.path, 64u << 20);
    if (!text.ok()) continue;
    scan::ScanResult probe;
    probe.policies = policies->set;
    scan::ScanManifest(file.display, ccspm::manifest::Manifest::Parse(*text), *policies->set,
                       &probe);
    objects_per_pass += probe.objects.size();
    bytes_per_pass += text->size();
    for (const auto& chunk : ccspm::manifest::SplitDocuments(
             *text, ccspm::manifest::ByteOrderMarkLength(*text))) {
      ++chunks;
      if (ccspm::manifest::ReadBlockDocuments(*text, chunk, {}).has_value()) {
        ++block_chunks;
        block_bytes += chunk.size;
      }
    }
    files.emplace_back(file.display, std::move(*text));
  }
  if (objects_per_pass == 0) {
    std::fprintf(stderr, "scan_bench: no objects under %s\n", corpus.c_str());
    return 2;
  }
  const size_t passes = (kMinObjects + objects_per_pass - 1) / objects_per_pass;

  size_t objects = 0;
  size_t findings = 0;
  Clock::duration parsing{};
  Clock::duration judging{};
  for (size_t pass = 0; pass < passes; ++pass) {
    for (const auto& [name, text] : files) {
      const Clock::time_point start = Clock::now();
      const ccspm::manifest::Manifest manifest = ccspm::manifest::Manifest::Parse(text);
      const Clock::time_point parsed = Clock::now();
      scan::ScanResult result;
      result.policies = policies->set;
      scan::ScanManifest(name, manifest, *policies->set, &result);
      judging += Clock::now() - parsed;
      parsing += parsed - start;
      objects += result.objects.size();
      findings += result.findings.size();
    }
  }

  const Clock::time_point events_start = Clock::now();
  for (size_t pass = 0; pass < passes; ++pass) {
    for (const auto& file : files) EventsOnly(file.second);
  }
  const Clock::duration events = Clock::now() - events_start;

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double total = Seconds(parsing + judging);
  std::printf("corpus: %zu files, %zu objects, %.1f MB per pass; %zu passes; %zu policies\n",
              files.size(), objects_per_pass, bytes_per_pass / 1e6, passes,
              policies->set->policies().size());
  std::printf("scanned %zu objects (%zu findings) in %.3f s: %.0f objects/s, %.1f MB/s\n",
              objects, findings, total, objects / total, passes * bytes_per_pass / 1e6 / total);
  std::printf("  parse (YAML to JSON with positions): %.3f s, %.0f objects/s\n",
              Seconds(parsing), objects / Seconds(parsing));
  std::printf("  judge (match, check, locate):        %.3f s, %.0f objects/s\n",
              Seconds(judging), objects / Seconds(judging));
  std::printf("libyaml events alone, same text:       %.3f s, %.1f MB/s\n", Seconds(events),
              passes * bytes_per_pass / 1e6 / Seconds(events));
  std::printf("block reader: %zu of %zu documents (%.1f of %.1f MB); libyaml the rest\n",
              block_chunks, chunks, block_bytes / 1e6, bytes_per_pass / 1e6);
  std::printf("peak memory (ru_maxrss): %ld MiB\n", usage.ru_maxrss / 1024);
  return 0;
}
