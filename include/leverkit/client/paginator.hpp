// leverkit/client/paginator.hpp — Lever list endpoints as a lazy C++20 input range.
//
// What: `Paginator<T>` yields `Result<T>` for every item of every page. Nothing is fetched until
// `begin()`; each further page is fetched when the previous one is used up, and the previous
// page's items are released first, so memory stays at one page however long the list. A failure
// (transport, HTTP error, decode error, `Errc::stale_cursor` for a refused offset token) is
// yielded as the last element. `pages()` walks the same listing page by page, and `next_token()`
// is the offset the next page would be fetched with: save it to checkpoint, pass it back as the
// request's `offset` to resume. Lever's `next` is opaque; it is stored verbatim.
// A page counts as the last one unless it has `hasNext: true` AND a non-empty `next` (some
// endpoints omit `hasNext`, the last page omits `next`). A token that does not change between
// pages is reported as an error rather than looping forever.
// Errors: as described, in-band. Thread-safety: one Paginator per thread (the client it came
// from may be shared). Iterators stay valid when the Paginator is moved.
// Example:
//   for (auto& r : client.list_stages({})) {
//     if (!r) { fmt::print("stopped: {}\n", r.error()); break; }
//     fmt::print("{}\n", r.value().text);
//   }
//   auto p = client.list_opportunities({.limit = 100});
//   for (auto& page : p.pages()) { if (page) save(p.next_token()); }
#pragma once

#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "leverkit/models/common.hpp"
#include "leverkit/models/error.hpp"

namespace leverkit::inline v0 {

template <class T>
class Paginator {
  struct State;

 public:
  using value_type = Result<T>;
  /// Fetches the page at `offset` (nullopt = the first page).
  using FetchPage = std::function<Result<Page<T>>(const std::optional<std::string>& offset)>;

  explicit Paginator(FetchPage fetch, std::optional<std::string> start_offset = std::nullopt)
      : state_(std::make_unique<State>()) {
    state_->fetch = std::move(fetch);
    state_->offset = std::move(start_offset);
  }
  /// A listing that yields only `e` (e.g. a request rejected before sending).
  explicit Paginator(Error e)
      : Paginator([err = std::move(e)](const std::optional<std::string>&) -> Result<Page<T>> { return err; }) {}

  class iterator {
   public:
    using value_type = Result<T>;
    using difference_type = std::ptrdiff_t;
    using iterator_concept = std::input_iterator_tag;
    using iterator_category = std::input_iterator_tag;
    using reference = Result<T>&;

    iterator() = default;
    reference operator*() const { return *state_->current; }
    Result<T>* operator->() const { return &*state_->current; }
    iterator& operator++() {
      state_->advance_item();
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& it, std::default_sentinel_t) noexcept {
      return it.state_ == nullptr || !it.state_->current.has_value();
    }

   private:
    friend class Paginator;
    explicit iterator(State* s) : state_(s) {}
    State* state_ = nullptr;
  };

  /// Loads the first page on the first call; later calls continue where iteration stands.
  iterator begin() {
    if (!state_->item_started) {
      state_->item_started = true;
      state_->advance_item();
    }
    return iterator(state_.get());
  }
  std::default_sentinel_t end() const noexcept { return {}; }

  /// Page-by-page view of the same listing; each element is `Result<Page<T>>`.
  class PageRange {
   public:
    class iterator {
     public:
      using value_type = Result<Page<T>>;
      using difference_type = std::ptrdiff_t;
      using iterator_concept = std::input_iterator_tag;
      using iterator_category = std::input_iterator_tag;
      using reference = Result<Page<T>>&;

      iterator() = default;
      reference operator*() const { return *state_->current_page; }
      Result<Page<T>>* operator->() const { return &*state_->current_page; }
      iterator& operator++() {
        state_->advance_page();
        return *this;
      }
      void operator++(int) { ++*this; }
      friend bool operator==(const iterator& it, std::default_sentinel_t) noexcept {
        return it.state_ == nullptr || !it.state_->current_page.has_value();
      }

     private:
      friend class PageRange;
      explicit iterator(State* s) : state_(s) {}
      State* state_ = nullptr;
    };
    iterator begin() {
      if (!state_->page_started) {
        state_->page_started = true;
        state_->advance_page();
      }
      return iterator(state_);
    }
    std::default_sentinel_t end() const noexcept { return {}; }

   private:
    friend class Paginator;
    explicit PageRange(State* s) : state_(s) {}
    State* state_;
  };

  /// Use either item iteration or `pages()` on one Paginator, not both.
  PageRange pages() { return PageRange(state_.get()); }

  /// The offset token the next page would be fetched with. After a failed fetch it is the token
  /// of the page that failed (retry resumes there); nullopt before a resumable point exists.
  [[nodiscard]] const std::optional<std::string>& next_token() const noexcept { return state_->offset; }
  /// True once the last page was fetched (or a fetch failed).
  [[nodiscard]] bool complete() const noexcept { return state_->finished; }
  /// Pages fetched so far (successful or not).
  [[nodiscard]] std::size_t pages_fetched() const noexcept { return state_->fetched; }

 private:
  struct State {
    FetchPage fetch;
    std::optional<std::string> offset;
    bool finished = false;
    bool item_started = false;
    bool page_started = false;
    std::size_t fetched = 0;
    Page<T> page;
    std::size_t index = 0;
    std::optional<Result<T>> current;
    std::optional<Result<Page<T>>> current_page;

    enum class Loaded { none, page, error };

    // Fetches the next page into `out` (or the failure into `err`). Written without moving
    // Result objects around: GCC 12 reports false maybe-uninitialized warnings on those moves.
    Loaded load(Page<T>& out, Error& err) {
      if (finished) return Loaded::none;
      ++fetched;
      Result<Page<T>> r = fetch(offset);
      if (!r) {
        finished = true;
        err = std::move(r).error();
        return Loaded::error;
      }
      out = std::move(r).value();
      if (out.more()) {
        if (offset && *out.next == *offset) {
          finished = true;
          out.data.clear();
          err = Error(Errc::decode_error, "Lever returned the same pagination token twice; stopping the listing");
          return Loaded::error;
        }
        offset = out.next;
      } else {
        finished = true;
        offset.reset();
      }
      return Loaded::page;
    }

    void advance_item() {
      current.reset();
      if (!page.data.empty()) ++index;
      while (index >= page.data.size()) {
        page.data.clear();  // release the used-up page before fetching the next one
        index = 0;
        Error err;
        switch (load(page, err)) {
          case Loaded::none: return;
          case Loaded::error: current.emplace(std::move(err)); return;
          case Loaded::page: break;
        }
      }
      current.emplace(std::move(page.data[index]));
    }

    void advance_page() {
      current_page.reset();
      Page<T> pg;
      Error err;
      switch (load(pg, err)) {
        case Loaded::none: return;
        case Loaded::error: current_page.emplace(std::move(err)); return;
        case Loaded::page: current_page.emplace(std::move(pg)); return;
      }
    }
  };

  std::unique_ptr<State> state_;
};

}  // namespace leverkit
