// leverkit/models/posting.hpp — job postings (the "job title" of an interview).
//
// What: `Posting` with categories, content, salary range and urls, and its decoders.
// Errors: decoders return decode_error naming the JSON path.
// Thread-safety: value types; decoders are reentrant.
// Example:
//   LEVERKIT_TRY(p, leverkit::decode_posting(body));
//   fmt::print("{} ({})\n", p.text, p.categories.location.value_or("?"));
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/common.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/time.hpp"
#include "leverkit/models/user.hpp"

namespace leverkit::inline v0 {

struct PostingCategories {
  std::optional<std::string> team;
  std::optional<std::string> department;
  std::optional<std::string> location;
  std::vector<std::string> all_locations;
  std::optional<std::string> commitment;
  std::optional<std::string> level;
  friend bool operator==(const PostingCategories&, const PostingCategories&) = default;
};

struct PostingList {
  std::string text;
  std::string content;
  friend bool operator==(const PostingList&, const PostingList&) = default;
};

struct PostingContent {
  std::string description;
  std::string description_html;
  std::vector<PostingList> lists;
  std::string closing;
  std::string closing_html;
  friend bool operator==(const PostingContent&, const PostingContent&) = default;
};

struct SalaryRange {
  std::optional<double> min;
  std::optional<double> max;
  std::optional<std::string> currency;
  std::optional<std::string> interval;  // "per-year-salary", ...
  friend bool operator==(const SalaryRange&, const SalaryRange&) = default;
};

struct PostingUrls {
  std::optional<std::string> list;
  std::optional<std::string> show;
  std::optional<std::string> apply;
  friend bool operator==(const PostingUrls&, const PostingUrls&) = default;
};

struct Posting {
  std::string id;
  std::string text;                           // the job title
  std::optional<Timestamp> created_at;
  std::optional<Timestamp> updated_at;
  std::string state;                          // published, internal, closed, draft, pending, rejected
  std::vector<std::string> distribution_channels;
  std::optional<std::string> confidentiality;
  std::optional<Expandable<User>> user;       // creator
  std::optional<Expandable<User>> owner;
  std::optional<Expandable<User>> hiring_manager;
  PostingCategories categories;
  std::vector<std::string> tags;
  std::optional<PostingContent> content;
  std::optional<std::string> country;
  std::vector<Expandable<User>> followers;
  std::vector<std::string> requisition_codes;
  std::optional<SalaryRange> salary_range;
  std::optional<std::string> salary_description;
  PostingUrls urls;
  std::optional<std::string> workplace_type;  // unspecified, onsite, remote, hybrid
  friend bool operator==(const Posting&, const Posting&) = default;
};

Result<Posting> decode_posting(std::string_view json);
Result<Page<Posting>> decode_posting_page(std::string_view json);

}  // namespace leverkit
