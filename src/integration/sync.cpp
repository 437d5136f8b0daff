// run_sync / sync_interviews: resumable Lever → SyncStore copy (see sync.hpp; ADR 0060).
#include "leverkit/fmt.hpp"
#include "leverkit/integration/sync.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <mutex>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "raw_json.hpp"

namespace leverkit::inline v0::integration {

namespace {

constexpr std::string_view kCheckpoint = "checkpoint";
constexpr std::string_view kPending = "sync.pending_interviews";

const char* const kPhases[] = {"stages", "users", "postings", "opportunities", "deleted_opportunities", "interviews"};

std::optional<std::int64_t> parse_int(const std::optional<std::string>& s) {
  if (!s || s->empty()) return std::nullopt;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
  if (ec != std::errc() || p != s->data() + s->size()) return std::nullopt;
  return v;
}

StoredValue cp(std::string_view key, std::string value) {
  return {std::string(kCheckpoint), std::string(key), std::move(value)};
}

Result<StoredObject> make_object(ObjectKind kind, std::string raw, std::string parent, bool deleted, std::size_t index) {
  StoredObject o;
  o.kind = kind;
  o.parent_id = std::move(parent);
  o.deleted = deleted;
  auto with_path = [&](Error e) {
    e.message = fmt::format("data[{}]: {}", index, e.message);
    return e;
  };
  switch (kind) {
    case ObjectKind::opportunity: {
      auto r = decode_opportunity(raw);
      if (!r) return with_path(std::move(r).error());
      o.id = r.value().id;
      o.updated_at = r.value().updated_at;
      break;
    }
    case ObjectKind::interview: {
      auto r = decode_interview(raw);
      if (!r) return with_path(std::move(r).error());
      o.id = r.value().id;
      break;
    }
    case ObjectKind::panel: {
      auto r = decode_panel(raw);
      if (!r) return with_path(std::move(r).error());
      o.id = r.value().id;
      break;
    }
    case ObjectKind::user: {
      auto r = decode_user(raw);
      if (!r) return with_path(std::move(r).error());
      o.id = r.value().id;
      break;
    }
    case ObjectKind::posting: {
      auto r = decode_posting(raw);
      if (!r) return with_path(std::move(r).error());
      o.id = r.value().id;
      o.updated_at = r.value().updated_at;
      break;
    }
    case ObjectKind::stage: {
      auto r = decode_stage(raw);
      if (!r) return with_path(std::move(r).error());
      o.id = r.value().id;
      break;
    }
  }
  if (o.id.empty()) return Error(Errc::decode_error, fmt::format("data[{}].id: missing or empty", index));
  o.json = std::move(raw);
  return o;
}

class Run {
 public:
  Run(const Client& client, SyncStore& store, const SyncOptions& opt)
      : client_(client), store_(store), opt_(opt), clock_(opt.clock ? opt.clock : steady_clock_source()),
        t0_(clock_->now()) {}

  Result<SyncReport> go() {
    LEVERKIT_TRY(phase, store_.checkpoint("run.phase"));
    report_.resumed = phase.has_value();
    if (!phase) {
      std::optional<std::string> wm;
      if (!opt_.full) {
        LEVERKIT_TRY(w, store_.checkpoint("sync.watermark"));
        wm = std::move(w);
      }
      auto started = std::chrono::time_point_cast<std::chrono::milliseconds>(clock_->wall_now());
      StoreBatch b;
      b.values = {cp("run.phase", kPhases[0]), cp("run.watermark", wm.value_or("")),
                  cp("run.started_at", std::to_string(started.time_since_epoch().count())),
                  cp("run.confidential", opt_.include_confidential ? "1" : "0")};
      // A fresh run starts with an empty queue (a finished run leaves none; a `full` run
      // forgets nothing else).
      LEVERKIT_TRYV(store_.apply(b));
      phase = kPhases[0];
    }
    LEVERKIT_TRY(wm, store_.checkpoint("run.watermark"));
    watermark_ = parse_int(wm);
    report_.incremental = watermark_.has_value();
    LEVERKIT_TRY(conf, store_.checkpoint("run.confidential"));
    confidential_ = conf && *conf == "1";

    std::size_t i = 0;
    while (i < std::size(kPhases) && *phase != kPhases[i]) ++i;
    if (i == std::size(kPhases) && *phase != "finishing") return Error(Errc::decode_error, fmt::format("sync store: unknown run phase '{}'", *phase));
    for (; i < std::size(kPhases); ++i) {
      std::string_view name = kPhases[i];
      LEVERKIT_TRYV(run_phase(name));
      StoreBatch b;
      b.erase_values.push_back(cp(fmt::format("{}.offset", name), {}));
      b.values.push_back(cp("run.phase", i + 1 < std::size(kPhases) ? kPhases[i + 1] : "finishing"));
      LEVERKIT_TRYV(store_.apply(b));
    }
    return finish();
  }

 private:
  Result<SyncReport> finish() {
    LEVERKIT_TRY(started, store_.checkpoint("run.started_at"));
    auto start_ms = parse_int(started).value_or(0);
    std::int64_t next_wm = start_ms - opt_.watermark_overlap.count();
    StoreBatch b;
    for (auto k : {"run.phase", "run.watermark", "run.started_at", "run.confidential", "interviews.seeded"})
      b.erase_values.push_back(cp(k, {}));
    b.values.push_back(cp("sync.watermark", std::to_string(next_wm)));
    b.values.push_back(cp("sync.completed_at", std::to_string(start_ms)));
    b.values.push_back(cp("sync.confidential", confidential_ ? "1" : "0"));
    // Progress totals for the next backfill (full run): what the store holds now.
    for (auto [name, kind] : {std::pair{"stages", ObjectKind::stage}, std::pair{"users", ObjectKind::user},
                              std::pair{"postings", ObjectKind::posting}, std::pair{"opportunities", ObjectKind::opportunity}}) {
      LEVERKIT_TRY(n, store_.count_objects(kind));
      b.values.push_back(cp(fmt::format("sync.count.{}", name), std::to_string(n)));
    }
    LEVERKIT_TRYV(store_.apply(b));
    report_.confidential_included = confidential_;
    report_.watermark = from_unix_ms(next_wm);
    report_.elapsed = elapsed();
    return report_;
  }

  [[nodiscard]] std::chrono::milliseconds elapsed() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock_->now() - t0_);
  }

  void progress(std::string_view phase, std::size_t done, std::optional<std::size_t> total,
                std::chrono::steady_clock::time_point phase_start, std::size_t done_at_start) {
    if (!opt_.on_progress) return;
    SyncProgress p;
    p.phase = phase;
    p.done = done;
    p.total = total;
    p.elapsed = elapsed();
    if (total && done > done_at_start && *total >= done) {
      auto spent = clock_->now() - phase_start;
      double per = std::chrono::duration<double>(spent).count() / static_cast<double>(done - done_at_start);
      p.eta = std::chrono::milliseconds(static_cast<std::int64_t>(per * static_cast<double>(*total - done) * 1000.0));
    }
    opt_.on_progress(p);
  }

  std::string limit() const { return std::to_string(std::clamp(opt_.page_size, 1, 100)); }

  Result<void> run_phase(std::string_view name) {
    std::string wm = watermark_ ? std::to_string(*watermark_) : std::string();
    if (name == "stages") return list_phase(name, ObjectKind::stage, [&] { return "/stages?limit=" + limit(); });
    if (name == "users")
      return list_phase(name, ObjectKind::user, [&] { return "/users?includeDeactivated=true&limit=" + limit(); });
    if (name == "postings")
      return list_phase(name, ObjectKind::posting, [&] {
        std::string p = "/postings?limit=" + limit();
        if (confidential_) p += "&confidentiality=all";
        if (!wm.empty()) p += "&updated_at_start=" + wm;
        return p;
      });
    if (name == "opportunities")
      return list_phase(name, ObjectKind::opportunity, [&] {
        std::string p = "/opportunities?limit=" + limit();
        if (confidential_) p += "&confidentiality=all";
        if (!wm.empty()) p += "&updated_at_start=" + wm;
        return p;
      });
    if (name == "deleted_opportunities") {
      if (!opt_.include_deleted) return success();
      return list_phase(name, ObjectKind::opportunity, [&] {
        std::string p = "/opportunities/deleted?limit=" + limit();
        if (!wm.empty()) p += "&deleted_at_start=" + wm;
        return p;
      });
    }
    return interview_phase();
  }

  // One listing, one store transaction per page (items + the next page's token).
  template <class PathFn>
  Result<void> list_phase(std::string_view name, ObjectKind kind, PathFn path_of) {
    const std::string offset_key = fmt::format("{}.offset", name);
    const bool deleted = name == "deleted_opportunities";
    LEVERKIT_TRY(token, store_.checkpoint(offset_key));
    std::optional<std::size_t> total;
    if (!watermark_) {
      LEVERKIT_TRY(prev, store_.checkpoint(fmt::format("sync.count.{}", name)));
      if (auto n = parse_int(prev)) total = static_cast<std::size_t>(*n);
    }
    std::size_t done = 0;
    const auto phase_start = clock_->now();
    bool restarted = false;
    while (true) {
      if (opt_.cancel.cancelled()) return Error(Errc::cancelled, fmt::format("sync cancelled during {}", name));
      std::string path = path_of();
      if (token) path += "&offset=" + url_encode(*token);
      auto resp = client_.request(HttpMethod::get, path, {}, CallOptions{.timeout = {}, .headers = {}, .cancel = opt_.cancel});
      ++report_.pages;
      if (!resp) {
        Error e = std::move(resp).error();
        if (e.code == Errc::stale_cursor && !restarted) {
          // Lever no longer accepts the saved token: list again from the start (upserts are
          // idempotent, so the pages already stored are simply written again).
          restarted = true;
          token.reset();
          continue;
        }
        if (e.code == Errc::forbidden && confidential_ && !token && (kind == ObjectKind::opportunity || kind == ObjectKind::posting)) {
          // The key may not see confidential data: continue without it (and say so).
          confidential_ = false;
          LEVERKIT_TRYV(store_.put_value(kCheckpoint, "run.confidential", "0"));
          continue;
        }
        e.message = fmt::format("sync {}: {}", name, e.message);
        return e;
      }
      LEVERKIT_TRY(page, detail::split_page(resp.value().body));
      StoreBatch b;
      b.upserts.reserve(page.items.size());
      for (std::size_t i = 0; i < page.items.size(); ++i) {
        LEVERKIT_TRY(obj, make_object(kind, std::move(page.items[i]), {}, deleted, i));
        if (kind == ObjectKind::opportunity) {
          StoredValue pending{std::string(kPending), obj.id, {}};
          if (deleted)
            b.erase_values.push_back(std::move(pending));
          else
            b.values.push_back(std::move(pending));
        }
        b.upserts.push_back(std::move(obj));
      }
      if (page.more()) {
        if (token && *page.next == *token)
          return Error(Errc::decode_error, fmt::format("sync {}: Lever returned the same page token twice", name));
        token = page.next;
        b.values.push_back(cp(offset_key, *token));
      } else {
        token.reset();
        b.erase_values.push_back(cp(offset_key, {}));
      }
      done += b.upserts.size();
      count(name, b.upserts.size());
      LEVERKIT_TRYV(store_.apply(b));
      progress(name, done, total, phase_start, 0);
      if (!token) return success();
    }
  }

  void count(std::string_view name, std::size_t n) {
    if (name == "stages") report_.stages += n;
    if (name == "users") report_.users += n;
    if (name == "postings") report_.postings += n;
    if (name == "opportunities") report_.opportunities += n;
    if (name == "deleted_opportunities") report_.deleted_opportunities += n;
  }

  Result<void> interview_phase() {
    LEVERKIT_TRY(seeded, store_.checkpoint("interviews.seeded"));
    if (!seeded) {
      StoreBatch b;
      if (opt_.interview_scope != InterviewScope::changed_only) {
        LEVERKIT_TRY(opps, store_.list_objects(ObjectKind::opportunity));
        for (auto& o : opps) {
          if (o.deleted) continue;
          if (opt_.interview_scope == InterviewScope::not_archived) {
            auto d = decode_opportunity(o.json);
            if (d && d.value().is_archived()) continue;
          }
          b.values.push_back({std::string(kPending), o.id, {}});
        }
      }
      b.values.push_back(cp("interviews.seeded", "1"));
      LEVERKIT_TRYV(store_.apply(b));
    }
    LEVERKIT_TRY(pending, store_.list_values(kPending));
    std::vector<std::string> ids;
    ids.reserve(pending.size());
    for (auto& v : pending) ids.push_back(std::move(v.key));
    SyncOptions o = opt_;
    auto user_progress = opt_.on_progress;
    auto base = elapsed();
    o.clock = clock_;
    if (user_progress)
      o.on_progress = [user_progress, base](const SyncProgress& p) {
        SyncProgress q = p;
        q.elapsed += base;
        user_progress(q);
      };
    LEVERKIT_TRY(r, sync_interviews(client_, store_, ids, o));
    report_.opportunities_visited += r.opportunities;
    report_.interviews += r.interviews;
    report_.panels += r.panels;
    report_.pages += r.requests;
    return success();
  }

  const Client& client_;
  SyncStore& store_;
  const SyncOptions& opt_;
  std::shared_ptr<Clock> clock_;
  Clock::time_point t0_;
  SyncReport report_;
  std::optional<std::int64_t> watermark_;
  bool confidential_ = false;
};

// Every page of one opportunity sub-resource listing, as raw items.
Result<std::vector<std::string>> fetch_all(const Client& client, const std::string& base, const CancellationToken& cancel,
                                           std::size_t& requests) {
  std::vector<std::string> out;
  std::optional<std::string> token;
  while (true) {
    std::string path = base;
    if (token) path += "&offset=" + url_encode(*token);
    ++requests;
    auto resp = client.request(HttpMethod::get, path, {}, CallOptions{.timeout = {}, .headers = {}, .cancel = cancel});
    if (!resp) return std::move(resp).error();
    LEVERKIT_TRY(page, detail::split_page(resp.value().body));
    for (auto& s : page.items) out.push_back(std::move(s));
    if (!page.more()) return out;
    if (token && *page.next == *token) return Error(Errc::decode_error, "Lever returned the same page token twice");
    token = page.next;
  }
}

}  // namespace

Result<SyncReport> run_sync(const Client& client, SyncStore& store, const SyncOptions& options) {
  return Run(client, store, options).go();
}

Result<InterviewFanOutReport> sync_interviews(const Client& client, SyncStore& store,
                                              const std::vector<std::string>& ids, const SyncOptions& opt) {
  auto clock = opt.clock ? opt.clock : steady_clock_source();
  const auto t0 = clock->now();
  const std::string limit = std::to_string(std::clamp(opt.page_size, 1, 100));
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;  // guards report, first_error and progress calls
  InterviewFanOutReport report;
  std::optional<Error> first_error;
  std::size_t done = 0;

  auto worker = [&] {
    while (!stop.load()) {
      std::size_t i = next.fetch_add(1);
      if (i >= ids.size()) return;
      const std::string& id = ids[i];
      auto fail = [&](Error e) {
        std::lock_guard lock(mutex);
        if (!first_error) {
          e.message = fmt::format("sync interviews of opportunity {}: {}", id, e.message);
          first_error = std::move(e);
        }
        stop = true;
      };
      if (opt.cancel.cancelled()) return fail(Error(Errc::cancelled, "sync cancelled"));
      std::size_t requests = 0;
      const std::string base = "/opportunities/" + url_encode(id);
      auto ivs = fetch_all(client, base + "/interviews?limit=" + limit, opt.cancel, requests);
      Result<std::vector<std::string>> panels = std::vector<std::string>{};
      if (ivs) panels = fetch_all(client, base + "/panels?limit=" + limit, opt.cancel, requests);
      StoreBatch b;
      b.replace_children = {{ObjectKind::interview, id}, {ObjectKind::panel, id}};
      b.erase_values.push_back({std::string(kPending), id, {}});
      bool gone = (!ivs && ivs.error().code == Errc::not_found) || (!panels && panels.error().code == Errc::not_found);
      if (!gone) {
        if (!ivs) return fail(std::move(ivs).error());
        if (!panels) return fail(std::move(panels).error());
        for (std::size_t k = 0; k < ivs.value().size(); ++k) {
          auto o = make_object(ObjectKind::interview, std::move(ivs.value()[k]), id, false, k);
          if (!o) return fail(std::move(o).error());
          b.upserts.push_back(std::move(o).value());
        }
        for (std::size_t k = 0; k < panels.value().size(); ++k) {
          auto o = make_object(ObjectKind::panel, std::move(panels.value()[k]), id, false, k);
          if (!o) return fail(std::move(o).error());
          b.upserts.push_back(std::move(o).value());
        }
      }
      // Gone (deleted meanwhile): its children go too; the deleted listing tombstones it.
      if (auto r = store.apply(b); !r) return fail(std::move(r).error());
      std::lock_guard lock(mutex);
      ++report.opportunities;
      report.requests += requests;
      for (const auto& o : b.upserts) (o.kind == ObjectKind::interview ? report.interviews : report.panels)++;
      ++done;
      if (opt.on_progress) {
        SyncProgress p;
        p.phase = "interviews";
        p.done = done;
        p.total = ids.size();
        auto spent = clock->now() - t0;
        p.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(spent);
        double per = std::chrono::duration<double>(spent).count() / static_cast<double>(done);
        p.eta = std::chrono::milliseconds(static_cast<std::int64_t>(per * static_cast<double>(ids.size() - done) * 1000.0));
        opt.on_progress(p);
      }
    }
  };

  std::size_t n = std::clamp<std::size_t>(opt.workers, 1, 64);
  n = std::min(n, std::max<std::size_t>(ids.size(), 1));
  if (n == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    pool.reserve(n);
    for (std::size_t k = 0; k < n; ++k) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
  }
  if (first_error) return std::move(*first_error);
  report.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(clock->now() - t0);
  return report;
}

}  // namespace leverkit::integration
