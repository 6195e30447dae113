#include "manifest/plain_scalar.h"

#include <gtest/gtest.h>

namespace ccspm::manifest {
namespace {

using Type = PlainScalar::Type;

TEST(PlainScalarTest, BooleansAndNullsAsKubectlReadsThem) {
  for (const char* text : {"yes", "Yes", "YES", "y", "Y", "on", "On", "ON", "true", "True"}) {
    PlainScalar scalar = ResolvePlainScalar(text);
    EXPECT_EQ(scalar.type, Type::kBool) << text;
    EXPECT_TRUE(scalar.boolean) << text;
  }
  for (const char* text : {"no", "No", "n", "N", "off", "OFF", "false", "FALSE"}) {
    PlainScalar scalar = ResolvePlainScalar(text);
    EXPECT_EQ(scalar.type, Type::kBool) << text;
    EXPECT_FALSE(scalar.boolean) << text;
  }
  for (const char* text : {"", "~", "null", "Null", "NULL"}) {
    EXPECT_EQ(ResolvePlainScalar(text).type, Type::kNull) << text;
  }
  for (const char* text : {"yES", "tRUE", "nope", "onion", "nulls"}) {
    EXPECT_EQ(ResolvePlainScalar(text).type, Type::kString) << text;
  }
}

TEST(PlainScalarTest, IntegersUseGoBasePrefixes) {
  const std::pair<const char*, int64_t> cases[] = {
      {"0755", 493},   {"0o755", 493},
      {"0x1F", 31},    {"0b101", 5},
      {"-42", -42},    {"+42", 42},
      {"1_000", 1000}, {"0", 0},
      {"-0x10", -16},  {"-9223372036854775808", INT64_MIN}};
  for (const auto& [text, value] : cases) {
    PlainScalar scalar = ResolvePlainScalar(text);
    EXPECT_EQ(scalar.type, Type::kInt) << text;
    EXPECT_EQ(scalar.integer, value) << text;
  }

  PlainScalar big = ResolvePlainScalar("18446744073709551615");
  EXPECT_EQ(big.type, Type::kUint);
  EXPECT_EQ(big.unsigned_integer, UINT64_MAX);
}

TEST(PlainScalarTest, FloatsAndWhatStaysText) {
  const std::pair<const char*, double> floats[] = {{"1.5", 1.5}, {"08", 8.0},   {"1e3", 1000.0},
                                                   {".5", 0.5},  {"-2.", -2.0}, {"1e400", 0}};
  for (const auto& [text, value] : floats) {
    PlainScalar scalar = ResolvePlainScalar(text);
    if (std::string_view(text) == "1e400") {
      EXPECT_EQ(scalar.type, Type::kString) << "overflow stays text, as in Go";
      continue;
    }
    EXPECT_EQ(scalar.type, Type::kFloat) << text;
    EXPECT_DOUBLE_EQ(scalar.number, value) << text;
  }
  for (const char* text : {"2001-12-14", "1.2.3", "0x", "-", "1e", "12:30", "v1", "<<"}) {
    EXPECT_EQ(ResolvePlainScalar(text).type, Type::kString) << text;
  }
  for (const char* text : {".inf", "-.Inf", ".NaN"}) {
    EXPECT_EQ(ResolvePlainScalar(text).type, Type::kNotJson) << text;
  }
}

TEST(PlainScalarTest, NeedsQuotesForTextThatWouldChangeType) {
  EXPECT_TRUE(NeedsQuotes("yes"));
  EXPECT_TRUE(NeedsQuotes("0755"));
  EXPECT_TRUE(NeedsQuotes(""));
  EXPECT_TRUE(NeedsQuotes("<<"));
  EXPECT_FALSE(NeedsQuotes("nginx:1.25"));
  EXPECT_FALSE(NeedsQuotes("1.2.3"));
}

}  // namespace
}  // namespace ccspm::manifest
