#include "leverkit/match/names.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "text_util.hpp"

namespace leverkit::inline v0::match {
namespace {

// One transliterator prototype, created once; ICU transliterators are not safe for concurrent
// use, so every thread works on its own clone.
const icu::Transliterator* prototype() {
  static std::once_flag once;
  static std::unique_ptr<icu::Transliterator> proto;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    proto.reset(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; NFKD; [:Nonspacing Mark:] Remove; NFC", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) proto.reset();
  });
  return proto.get();
}

std::string fold_unicode(std::string_view utf8) {
  thread_local std::unique_ptr<icu::Transliterator> tl;
  if (!tl) {
    if (const auto* p = prototype()) tl.reset(p->clone());
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (tl) tl->transliterate(u);
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Given-name groups: each line is one person's name and the forms people use for it.
// Hand-written for leverkit (common English given names); extend as data grows.
constexpr std::string_view kNicknameGroups[] = {
    "william bill billy will willy liam", "robert bob bobby rob robbie bert", "richard rick ricky dick rich richie",
    "james jim jimmy jamie", "john jon johnny jack", "jonathan jon jonny nathan", "joseph joe joey jo",
    "michael mike mikey mick mickey", "thomas tom tommy", "charles charlie chuck chas", "christopher chris kit topher",
    "daniel dan danny", "david dave davy", "matthew matt matty", "anthony tony", "andrew andy drew",
    "edward ed eddie ted teddy ned", "steven steve stevie", "stephen steve stevie", "kenneth ken kenny",
    "joshua josh", "benjamin ben benny benji", "samuel sam sammy", "alexander alex al xander sasha",
    "nicholas nick nicky", "patrick pat paddy", "peter pete", "timothy tim timmy", "gregory greg",
    "jeffrey jeff", "geoffrey geoff jeff", "lawrence larry", "leonard leo len lenny", "raymond ray",
    "ronald ron ronnie", "donald don donny", "gerald gerry jerry", "harold harry hal", "henry hank harry hal",
    "frederick fred freddy fritz", "francis frank frankie", "franklin frank", "theodore ted teddy theo",
    "zachary zach zack", "nathaniel nate nathan nat", "douglas doug", "phillip phil", "philip phil",
    "walter walt wally", "eugene gene", "vincent vince vinny", "albert al bert", "alfred al alfie fred",
    "elizabeth liz lizzie beth betsy betty eliza libby", "katherine kate kathy katie kat kit", "catherine cathy cate kate katie",
    "kathryn kathy kate katie", "margaret maggie meg peggy marge greta", "jennifer jen jenny", "jessica jess jessie",
    "rebecca becky becca", "deborah deb debbie", "susan sue susie suzy", "suzanne sue susie",
    "patricia pat patty tricia trish", "barbara barb barbie", "dorothy dot dottie", "victoria vicky tori",
    "christina chris tina christy", "christine chris tina", "alexandra alex alexa sasha sandra", "samantha sam sammy",
    "abigail abby gail", "jacqueline jackie", "kimberly kim", "cynthia cindy", "pamela pam", "judith judy",
    "theresa terry tess tessa", "stephanie steph", "valerie val", "veronica ronnie", "melissa mel missy",
    "amanda mandy", "allison ally allie", "angela angie", "caroline carrie carol", "eleanor ellie nora",
    "gabrielle gabby gabi", "isabella bella izzy", "josephine jo josie", "madeline maddie madison",
    "natalie nat", "nicole nikki nicki", "olivia liv livvy", "penelope penny", "sarah sara sally sadie",
    "mohammed mohammad muhammad mohamed mo", "alejandro alex ale", "francisco paco pancho frank",
    "jose pepe", "guillermo memo guille"};

const std::unordered_map<std::string, std::vector<int>>& nickname_map() {
  static const auto m = [] {
    std::unordered_map<std::string, std::vector<int>> out;
    for (int g = 0; g < static_cast<int>(std::size(kNicknameGroups)); ++g) {
      std::string_view line = kNicknameGroups[g];
      std::size_t pos = 0;
      while (pos < line.size()) {
        auto sp = line.find(' ', pos);
        if (sp == std::string_view::npos) sp = line.size();
        out[std::string(line.substr(pos, sp - pos))].push_back(g);
        pos = sp + 1;
      }
    }
    return out;
  }();
  return m;
}

// Latin-1 and Latin Extended-A/B letters cover most names we see; their folds are computed once,
// by ICU itself, so the fast path gives exactly ICU's answer without a transliteration per name.
constexpr char32_t kTableEnd = 0x250;
const std::array<std::string, kTableEnd>& latin_fold_table() {
  static const auto table = [] {
    std::array<std::string, kTableEnd> t;
    for (char32_t cp = 0x80; cp < kTableEnd; ++cp) {
      icu::UnicodeString u(static_cast<UChar32>(cp));
      std::string utf8;
      u.toUTF8String(utf8);
      t[cp] = fold_unicode(utf8);
    }
    return t;
  }();
  return table;
}

bool is_honorific(std::string_view t) {
  static constexpr std::array<std::string_view, 14> k{"dr", "mr", "mrs", "ms", "miss", "mx", "prof",
                                                      "jr", "sr", "ii", "iii", "iv", "phd", "md"};
  return std::find(k.begin(), k.end(), t) != k.end();
}

}  // namespace

std::string fold_text(std::string_view utf8) {
  bool ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return detail::lower(utf8);
  const auto& table = latin_fold_table();
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      out.push_back(detail::ascii_lower(static_cast<char>(c)));
      continue;
    }
    if ((c & 0xE0) == 0xC0 && i + 1 < utf8.size() && (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) {
      char32_t cp = (static_cast<char32_t>(c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F);
      if (cp >= 0x80 && cp < kTableEnd) {
        out += table[cp];
        ++i;
        continue;
      }
    }
    return fold_unicode(utf8);  // other scripts: the full ICU pipeline (transliteration to Latin)
  }
  return out;
}

std::vector<std::string> name_tokens(std::string_view name) {
  std::string folded = fold_text(name);
  // A display name "Doe, Jane" means "Jane Doe".
  if (auto comma = folded.find(','); comma != std::string::npos && folded.find(',', comma + 1) == std::string::npos) {
    std::string tail = folded.substr(comma + 1);
    std::string head = folded.substr(0, comma);
    auto tail_tokens = std::count(tail.begin(), tail.end(), ' ');
    if (tail_tokens <= 2 && !detail::trim(tail).empty()) folded = tail + " " + head;
  }
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty() && !is_honorific(cur)) out.push_back(cur);
    cur.clear();
  };
  for (char c : folded) {
    if (detail::is_alnum(c) || static_cast<unsigned char>(c) >= 0x80) cur.push_back(c);
    else if (c == '\'') continue;  // O'Brien -> obrien
    else flush();                  // hyphens split: Müller-Lüdenscheidt -> two tokens
  }
  flush();
  return out;
}

double jaro_winkler(std::string_view a, std::string_view b) noexcept {
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  const std::size_t la = a.size(), lb = b.size();
  const std::size_t window = std::max<std::size_t>(std::max(la, lb) / 2, 1) - 1;
  std::array<bool, 64> ma{}, mb{};
  if (la > 64 || lb > 64) return a == b ? 1.0 : 0.0;
  std::size_t matches = 0;
  for (std::size_t i = 0; i < la; ++i) {
    std::size_t lo = i > window ? i - window : 0, hi = std::min(lb - 1, i + window);
    for (std::size_t j = lo; j <= hi; ++j) {
      if (!mb[j] && a[i] == b[j]) { ma[i] = mb[j] = true; ++matches; break; }
    }
  }
  if (matches == 0) return 0.0;
  std::size_t t = 0, k = 0;
  for (std::size_t i = 0; i < la; ++i) {
    if (!ma[i]) continue;
    while (!mb[k]) ++k;
    if (a[i] != b[k]) ++t;
    ++k;
  }
  const double m = static_cast<double>(matches);
  const double jaro = (m / static_cast<double>(la) + m / static_cast<double>(lb) + (m - static_cast<double>(t) / 2.0) / m) / 3.0;
  if (jaro <= 0.7) return jaro;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

bool nickname_equivalent(std::string_view a, std::string_view b) noexcept {
  if (a == b) return true;
  const auto& m = nickname_map();
  auto ia = m.find(std::string(a));
  auto ib = m.find(std::string(b));
  if (ia == m.end() || ib == m.end()) return false;
  for (int g : ia->second)
    if (std::find(ib->second.begin(), ib->second.end(), g) != ib->second.end()) return true;
  return false;
}

NameLevel compare_names(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return NameLevel::missing;
  if (a.size() == 2 && b.size() == 2) {  // the common case, without copies
    if ((a[0] == b[0] && a[1] == b[1]) || (a[0] == b[1] && a[1] == b[0])) return NameLevel::exact;
  } else if (a.size() == b.size()) {
    auto sa = a, sb = b;
    std::sort(sa.begin(), sa.end());
    std::sort(sb.begin(), sb.end());
    if (sa == sb) return NameLevel::exact;
  }
  // Compare (first, last) token pairs, so a middle name on one side does not matter; try the swapped order for "Zhang Wei" / "Wei Zhang".
  auto level_for = [](std::string_view ga, std::string_view sa, std::string_view gb, std::string_view sb) {
    if (sa == sb) {
      if (ga == gb) return NameLevel::exact;  // a middle name on one side only
      if (nickname_equivalent(ga, gb)) return NameLevel::nickname;
      if ((ga.size() == 1 && gb.front() == ga.front()) || (gb.size() == 1 && ga.front() == gb.front()))
        return NameLevel::fuzzy;
      if (jaro_winkler(ga, gb) >= 0.90) return NameLevel::fuzzy;
      return NameLevel::partial;
    }
    const double surname = jaro_winkler(sa, sb);
    if (surname >= 0.94 && (ga == gb || nickname_equivalent(ga, gb) || jaro_winkler(ga, gb) >= 0.90))
      return NameLevel::fuzzy;
    if (surname < 0.80) return NameLevel::different;
    return NameLevel::partial;
  };
  if (a.size() >= 2 && b.size() >= 2) {
    NameLevel best = level_for(a.front(), a.back(), b.front(), b.back());
    NameLevel swapped = level_for(a.front(), a.back(), b.back(), b.front());
    if (swapped == NameLevel::exact || (swapped > best && swapped != NameLevel::different)) best = swapped;
    return best;
  }
  // One side has a single token: a surname or a given name alone.
  const auto& one = a.size() == 1 ? a : b;
  const auto& many = a.size() == 1 ? b : a;
  if (many.size() == 1) {
    if (nickname_equivalent(one[0], many[0])) return NameLevel::surname_only;
    return jaro_winkler(one[0], many[0]) < 0.80 ? NameLevel::different : NameLevel::partial;
  }
  if (one[0] == many.back()) return NameLevel::surname_only;
  if (one[0] == many.front() || nickname_equivalent(one[0], many.front())) return NameLevel::partial;
  for (const auto& t : many)
    if (jaro_winkler(one[0], t) >= 0.80) return NameLevel::partial;
  return NameLevel::different;
}

std::string_view to_string(NameLevel l) noexcept {
  switch (l) {
    case NameLevel::missing: return "missing";
    case NameLevel::different: return "different";
    case NameLevel::partial: return "partial";
    case NameLevel::surname_only: return "surname_only";
    case NameLevel::fuzzy: return "fuzzy";
    case NameLevel::nickname: return "nickname";
    case NameLevel::exact: return "exact";
  }
  return "missing";
}

}  // namespace leverkit::match
