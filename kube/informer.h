// A cache of one resource kept current by list + watch, with change callbacks.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "base/json.h"
#include "base/status.h"
#include "kube/backoff.h"
#include "kube/object_reader.h"
#include "kube/resource.h"
#include "kube/watcher.h"

namespace ccspm::kube {

// Waits `delay` unless `stop` is requested first.
using SleepFunction = std::function<void(std::chrono::milliseconds delay, std::stop_token stop)>;

struct InformerOptions {
  std::string namespace_name;  // "" follows every namespace.
  std::string label_selector;
  std::chrono::seconds watch_timeout{300};  // The server ends each watch after about this long.
  BackoffPolicy backoff;
  std::function<double()> jitter;  // Null: random. See Backoff.
  SleepFunction sleep;             // Null: a real wait that Stop() interrupts.
};

struct InformerHandlers {
  // Called for an object that appeared or changed (per watch event, and on a relist for objects
  // that are new or whose resourceVersion changed).
  std::function<void(const JsonDocument& object)> on_upsert;
  // Called with the last known state of an object that is gone.
  std::function<void(const JsonDocument& object)> on_delete;
};

// Lists, then watches from the list's resourceVersion; relists when the watch reports kGone
// and reconnects other failures with backoff. Handlers run on the informer's own thread, one at
// a time, after the cache already reflects the change; they may read the cache but must not
// block for long (events queue behind them) and must not call Stop().
//
// Thread-safe: Get, Snapshot, HasSynced and WaitForSync may be called from any thread.
//
// Limitation: there is no periodic resync (handlers are not re-called for unchanged objects)
// because the controller's own requeue decides when to look again; it can read Snapshot().
class Informer {
 public:
  // `reader` and `watcher` must outlive the informer.
  Informer(ObjectReader& reader, Watcher& watcher, ResourceType type, InformerOptions options,
           InformerHandlers handlers);
  ~Informer();  // Stops.

  Informer(const Informer&) = delete;
  Informer& operator=(const Informer&) = delete;

  // Starts the thread. Calling it twice is a bug.
  void Start();

  // Interrupts any wait or watch and joins the thread. Safe to call repeatedly.
  void Stop();

  // True once the first list has been stored and its handlers called.
  bool HasSynced() const;
  bool WaitForSync(std::chrono::milliseconds timeout) const;

  // True while the last list or watch was answered 404: the API server no longer serves the
  // resource (its CRD was deleted). The informer keeps retrying with backoff meanwhile.
  bool NotServed() const { return not_served_; }

  // The cached object under `key` ("ns/name", or "name" when cluster-scoped), or null.
  std::shared_ptr<const JsonDocument> Get(const std::string& key) const;

  // Every cached object, ordered by key.
  std::vector<std::shared_ptr<const JsonDocument>> Snapshot() const;

 private:
  using Cache = std::map<std::string, std::shared_ptr<const JsonDocument>>;

  void Run(std::stop_token stop);

  // Replaces the cache with a fresh list and reports the difference to the handlers.
  Status Relist();

  // Applies one watch event to the cache, then to the handlers; counts it in `delivered`.
  void Apply(WatchEvent event, int* delivered);

  ObjectReader& reader_;
  Watcher& watcher_;
  const ResourceType type_;
  const InformerOptions options_;
  const InformerHandlers handlers_;

  mutable std::mutex mutex_;
  mutable std::condition_variable synced_cv_;
  Cache cache_;                          // Guarded by mutex_.
  bool synced_ = false;                  // Guarded by mutex_.
  std::string resource_version_;         // Only touched by the informer thread.
  std::atomic<bool> not_served_{false};  // Written by the informer thread, read by any.

  std::jthread thread_;
};

}  // namespace ccspm::kube
