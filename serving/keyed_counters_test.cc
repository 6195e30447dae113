#include "serving/keyed_counters.h"

#include <gtest/gtest.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <sstream>

namespace ccspm::serving {
namespace {

std::string Scrape(prometheus::Registry& registry) {
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, registry.Collect());
  return out.str();
}

TEST(KeyedCountersTest, DropsTheSeriesOfKeysNoLongerKept) {
  prometheus::Registry registry;
  auto& family = prometheus::BuildCounter().Name("x_total").Help("h").Register(registry);
  KeyedCounters counters(family, "policy");

  counters.Increment({{"policy", "kept"}, {"check", "a"}});
  counters.Increment({{"policy", "kept"}, {"check", "a"}});
  counters.Increment({{"policy", "gone"}, {"check", "a"}});
  counters.Increment({{"policy", "gone"}, {"check", "b"}});
  EXPECT_NE(Scrape(registry).find("x_total{check=\"a\",policy=\"kept\"} 2"), std::string::npos);
  EXPECT_NE(Scrape(registry).find("policy=\"gone\""), std::string::npos);

  counters.KeepOnly({"kept"});
  const std::string scrape = Scrape(registry);
  EXPECT_EQ(scrape.find("policy=\"gone\""), std::string::npos) << scrape;
  EXPECT_NE(scrape.find("x_total{check=\"a\",policy=\"kept\"} 2"), std::string::npos) << scrape;

  // A key dropped and counted again starts from zero.
  counters.Increment({{"policy", "gone"}, {"check", "a"}});
  EXPECT_NE(Scrape(registry).find("x_total{check=\"a\",policy=\"gone\"} 1"), std::string::npos);
  counters.KeepOnly({});
  EXPECT_EQ(Scrape(registry).find("policy="), std::string::npos);
}

}  // namespace
}  // namespace ccspm::serving
