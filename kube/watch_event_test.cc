#include "kube/watch_event.h"

#include <gtest/gtest.h>

#include "kube/object_meta.h"

namespace ccspm::kube {
namespace {

TEST(ParseWatchEventTest, ParsesTypeAndObject) {
  Result<WatchEvent> event = ParseWatchEvent(R"({"type":"MODIFIED","object":{"kind":"ConfigMap",
      "metadata":{"name":"a","resourceVersion":"9"}}})");
  ASSERT_TRUE(event.ok()) << event.status().ToString();
  EXPECT_EQ(event->type, WatchEventType::kModified);
  EXPECT_EQ(ObjectName(event->object), "a");
  EXPECT_EQ(ObjectResourceVersion(event->object), "9");
  EXPECT_EQ(StringMember(event->object, "kind"), "ConfigMap");
}

TEST(ParseWatchEventTest, ParsesEveryType) {
  for (const char* type : {"ADDED", "MODIFIED", "DELETED", "BOOKMARK", "ERROR"}) {
    Result<WatchEvent> event =
        ParseWatchEvent(std::string(R"({"type":")") + type + R"(","object":{}})");
    ASSERT_TRUE(event.ok()) << type;
    EXPECT_EQ(WatchEventTypeName(event->type), type);
  }
}

TEST(ParseWatchEventTest, RejectsMalformedEvents) {
  EXPECT_EQ(ParseWatchEvent("not json").status().kind(), ErrorKind::kInvalid);
  EXPECT_EQ(ParseWatchEvent(R"({"type":"EXPLODED","object":{}})").status().kind(),
            ErrorKind::kInvalid);
  EXPECT_EQ(ParseWatchEvent(R"({"type":"ADDED"})").status().kind(), ErrorKind::kInvalid);
  EXPECT_EQ(ParseWatchEvent(R"({"type":"ADDED","object":[1]})").status().kind(),
            ErrorKind::kInvalid);
  EXPECT_EQ(ParseWatchEvent("[]").status().kind(), ErrorKind::kInvalid);
}

}  // namespace
}  // namespace ccspm::kube
