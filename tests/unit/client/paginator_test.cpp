#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <ranges>

#include "leverkit/client/client.hpp"
#include "leverkit/client/paginator.hpp"
#include "leverkit/models/opportunity.hpp"

using namespace leverkit;

static_assert(std::ranges::input_range<Paginator<Opportunity>>);
static_assert(std::ranges::input_range<Paginator<Stage>>);
static_assert(std::ranges::input_range<decltype(std::declval<Paginator<Stage>&>().pages())>);
static_assert(std::signed_integral<std::iter_difference_t<Paginator<Stage>::iterator>>);
static_assert(std::same_as<std::ranges::sentinel_t<Paginator<Stage>>, std::default_sentinel_t>);
static_assert(std::same_as<std::ranges::range_value_t<Paginator<Stage>>, Result<Stage>>);

namespace {

// Counts live instances so a test can prove only one page is held at a time.
struct Counted {
  static inline int live = 0;
  static inline int peak = 0;
  int value = 0;
  explicit Counted(int v) : value(v) { bump(); }
  Counted(const Counted& o) : value(o.value) { bump(); }
  Counted(Counted&& o) noexcept : value(o.value) { bump(); }
  Counted& operator=(const Counted&) = default;
  Counted& operator=(Counted&&) noexcept = default;
  ~Counted() { --live; }
  static void bump() { peak = std::max(peak, ++live); }
};

// Pages of `per_page` consecutive ints; tokens "p1", "p2", ...
Paginator<Counted>::FetchPage numbered_pages(int pages, int per_page, std::vector<std::string>* offsets = nullptr) {
  return [=](const std::optional<std::string>& offset) -> Result<Page<Counted>> {
    if (offsets) offsets->push_back(offset.value_or("<first>"));
    const int index = offset ? std::stoi(offset->substr(1)) : 0;
    Page<Counted> p;
    for (int i = 0; i < per_page; ++i) p.data.emplace_back(index * per_page + i);
    p.has_next = index + 1 < pages;
    if (p.has_next) p.next = "p" + std::to_string(index + 1);
    return p;
  };
}

}  // namespace

TEST_CASE("paginator yields every item of every page, lazily") {
  std::vector<std::string> offsets;
  Paginator<Counted> p(numbered_pages(3, 4, &offsets));
  CHECK(offsets.empty());  // nothing fetched before iteration
  std::vector<int> seen;
  for (auto& r : p) {
    REQUIRE(r);
    seen.push_back(r.value().value);
  }
  CHECK(seen.size() == 12);
  CHECK(std::ranges::equal(seen, std::views::iota(0, 12)));
  CHECK(offsets == std::vector<std::string>{"<first>", "p1", "p2"});
  CHECK(p.complete());
  CHECK_FALSE(p.next_token());
}

TEST_CASE("paginator holds one page at a time however long the list") {
  Counted::live = 0;
  Counted::peak = 0;
  {
    int max_live_at_fetch = 0;
    auto inner = numbered_pages(200, 50);
    Paginator<Counted> p([&](const std::optional<std::string>& off) {
      max_live_at_fetch = std::max(max_live_at_fetch, Counted::live);
      return inner(off);
    });
    long long sum = 0;
    for (auto& r : p) sum += r.value().value;
    CHECK(sum == 9999LL * 10000 / 2);
    CHECK(p.pages_fetched() == 200);
    // When a page is fetched, at most the current element of the previous page is alive.
    CHECK(max_live_at_fetch <= 1);
    // One page (50) plus the current element plus the page under construction's transfer.
    CHECK(Counted::peak <= 2 * 50 + 1);
  }
  CHECK(Counted::live == 0);
}

TEST_CASE("an error is the last element and the failing token is kept for resuming") {
  int calls = 0;
  Paginator<Counted> p([&](const std::optional<std::string>& off) -> Result<Page<Counted>> {
    ++calls;
    if (off && *off == "p2") return Error(Errc::server_error, "boom");
    return numbered_pages(5, 2)(off);
  });
  std::vector<Result<Counted>> all;
  for (auto& r : p) all.push_back(std::move(r));
  REQUIRE(all.size() == 5);
  for (int i = 0; i < 4; ++i) CHECK(all[static_cast<std::size_t>(i)].has_value());
  REQUIRE_FALSE(all[4]);
  CHECK(all[4].error().code == Errc::server_error);
  CHECK(calls == 3);
  CHECK(p.complete());
  CHECK(p.next_token() == "p2");
  // Resuming from the saved token continues there.
  Paginator<Counted> resumed(numbered_pages(5, 2), p.next_token());
  std::vector<int> rest;
  for (auto& r : resumed) rest.push_back(r.value().value);
  CHECK(rest == std::vector<int>{4, 5, 6, 7, 8, 9});
}

TEST_CASE("pages() exposes each page and the token to checkpoint") {
  Paginator<Counted> p(numbered_pages(3, 2));
  std::vector<std::optional<std::string>> tokens;
  std::size_t items = 0;
  for (auto& page : p.pages()) {
    REQUIRE(page);
    items += page.value().data.size();
    tokens.push_back(p.next_token());
  }
  CHECK(items == 6);
  CHECK(tokens == std::vector<std::optional<std::string>>{"p1", "p2", std::nullopt});
}

TEST_CASE("absent hasNext, or hasNext without next, ends the listing") {
  SUBCASE("no hasNext but a next token") {
    int calls = 0;
    Paginator<Counted> p([&](const std::optional<std::string>&) -> Result<Page<Counted>> {
      ++calls;
      Page<Counted> pg;
      pg.data.emplace_back(1);
      pg.next = "p1";  // has_next stays false, as when the key is missing
      return pg;
    });
    CHECK(std::ranges::distance(p) == 1);
    CHECK(calls == 1);
  }
  SUBCASE("hasNext true but next absent or empty") {
    for (std::optional<std::string> next : {std::optional<std::string>{}, std::optional<std::string>{""}}) {
      int calls = 0;
      Paginator<Counted> p([&](const std::optional<std::string>&) -> Result<Page<Counted>> {
        ++calls;
        Page<Counted> pg;
        pg.data.emplace_back(1);
        pg.has_next = true;
        pg.next = next;
        return pg;
      });
      CHECK(std::ranges::distance(p) == 1);
      CHECK(calls == 1);
    }
  }
}

TEST_CASE("empty pages in the middle are skipped, an empty listing yields nothing") {
  Paginator<Counted> p([](const std::optional<std::string>& off) -> Result<Page<Counted>> {
    Page<Counted> pg;
    if (!off) {
      pg.has_next = true;
      pg.next = "p1";
    } else {
      pg.data.emplace_back(7);
    }
    return pg;
  });
  std::vector<int> v;
  for (auto& r : p) v.push_back(r.value().value);
  CHECK(v == std::vector<int>{7});

  Paginator<Counted> none([](const std::optional<std::string>&) -> Result<Page<Counted>> { return Page<Counted>{}; });
  CHECK(none.begin() == none.end());
}

TEST_CASE("a token that does not advance stops with an error instead of looping") {
  int calls = 0;
  Paginator<Counted> p([&](const std::optional<std::string>&) -> Result<Page<Counted>> {
    ++calls;
    Page<Counted> pg;
    pg.data.emplace_back(1);
    pg.has_next = true;
    pg.next = "same";
    return pg;
  });
  std::vector<bool> oks;
  for (auto& r : p) oks.push_back(r.has_value());
  // The repeated page is not yielded again (it would duplicate data); the error ends the listing.
  CHECK(oks == std::vector<bool>{true, false});
  CHECK(calls == 2);
}

TEST_CASE("iterators survive moving the paginator, a failed paginator yields its error once") {
  Paginator<Counted> a(numbered_pages(2, 1));
  auto it = a.begin();
  Paginator<Counted> b = std::move(a);
  CHECK((*it).value().value == 0);
  ++it;
  CHECK(it->value().value == 1);
  ++it;
  CHECK(it == b.end());

  Paginator<Counted> failed(Error(Errc::invalid_argument, "limit"));
  std::vector<Errc> codes;
  for (auto& r : failed) codes.push_back(r ? Errc::ok : r.error().code);
  CHECK(codes == std::vector<Errc>{Errc::invalid_argument});
}
