#include "kube/fake_client.h"

#include <gtest/gtest.h>

#include <thread>

#include "kube/object_meta.h"

namespace ccspm::kube {
namespace {

const ResourceType kConfigMaps{"", "v1", "configmaps", "ConfigMap", true};
const ResourceType kNamespaces = NamespacesResource();

JsonDocument Json(std::string_view text) {
  Result<JsonDocument> parsed = ParseJson(text);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return parsed.ok() ? std::move(parsed).value() : JsonDocument();
}

JsonDocument ConfigMap(std::string_view name, std::string_view labels = "{}") {
  return Json(std::string(R"({"metadata":{"name":")") + std::string(name) + R"(","labels":)" +
              std::string(labels) + R"(},"data":{"k":"v"}})");
}

int64_t Generation(const JsonValue& object) {
  return FindPath(object, "metadata.generation")->GetInt64();
}

TEST(FakeClientTest, CreateAssignsServerFieldsAndRefusesDuplicates) {
  FakeClient fake;
  Result<JsonDocument> created = fake.Create(kConfigMaps, "prod", ConfigMap("a"));
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(ObjectResourceVersion(*created), "1");
  EXPECT_EQ(ObjectNamespace(*created), "prod");
  EXPECT_FALSE(ObjectUid(*created).empty());
  EXPECT_EQ(Generation(*created), 1);
  EXPECT_EQ(StringMember(*created, "kind"), "ConfigMap");

  EXPECT_EQ(fake.Create(kConfigMaps, "prod", ConfigMap("a")).status().kind(), ErrorKind::kConflict);
  EXPECT_TRUE(fake.Create(kConfigMaps, "other", ConfigMap("a")).ok());
  EXPECT_EQ(fake.CurrentResourceVersion(), "2");
}

TEST(FakeClientTest, CreateChecksItsInput) {
  FakeClient fake;
  EXPECT_EQ(fake.Create(kConfigMaps, "", ConfigMap("a")).status().kind(), ErrorKind::kInvalid);
  EXPECT_EQ(fake.Create(kConfigMaps, "prod", Json(R"({"metadata":{}})")).status().kind(),
            ErrorKind::kInvalid);
  EXPECT_EQ(
      fake.Create(kConfigMaps, "prod", Json(R"({"metadata":{"name":"a","namespace":"other"}})"))
          .status()
          .kind(),
      ErrorKind::kInvalid);
  EXPECT_EQ(
      fake.Create(kConfigMaps, "prod", Json(R"({"metadata":{"name":"a","resourceVersion":"3"}})"))
          .status()
          .kind(),
      ErrorKind::kInvalid);

  Result<JsonDocument> generated =
      fake.Create(kConfigMaps, "prod", Json(R"({"metadata":{"generateName":"web-"}})"));
  ASSERT_TRUE(generated.ok());
  EXPECT_EQ(ObjectName(*generated).substr(0, 4), "web-");
  EXPECT_EQ(ObjectName(*generated).size(), 9u);

  Result<JsonDocument> dry = fake.Create(kConfigMaps, "prod", ConfigMap("dry"), {.dry_run = true});
  ASSERT_TRUE(dry.ok());
  EXPECT_EQ(fake.Get(kConfigMaps, "prod", "dry").status().kind(), ErrorKind::kNotFound);
}

TEST(FakeClientTest, GetListAndDelete) {
  FakeClient fake;
  ASSERT_TRUE(fake.Create(kConfigMaps, "prod", ConfigMap("a", R"({"app":"web"})")).ok());
  ASSERT_TRUE(fake.Create(kConfigMaps, "prod", ConfigMap("b", R"({"app":"db"})")).ok());
  ASSERT_TRUE(fake.Create(kConfigMaps, "dev", ConfigMap("c", R"({"app":"web"})")).ok());
  ASSERT_TRUE(fake.Create(kNamespaces, "", Json(R"({"metadata":{"name":"prod"}})")).ok());

  EXPECT_EQ(ObjectName(*fake.Get(kConfigMaps, "prod", "a")), "a");
  Result<JsonDocument> missing = fake.Get(kConfigMaps, "prod", "zzz");
  EXPECT_EQ(missing.status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(missing.status().message(), "configmaps \"zzz\" not found");
  EXPECT_TRUE(fake.Get(kNamespaces, "ignored", "prod").ok());

  EXPECT_EQ(fake.List(kConfigMaps, {}).value().items.size(), 3u);
  EXPECT_EQ(fake.List(kConfigMaps, {.namespace_name = "prod"}).value().items.size(), 2u);
  Result<ObjectList> web = fake.List(kConfigMaps, {.label_selector = "app=web"});
  ASSERT_TRUE(web.ok());
  EXPECT_EQ(web->items.size(), 2u);
  EXPECT_EQ(web->resource_version, "4");
  EXPECT_EQ(fake.List(kConfigMaps, {.field_selector = "metadata.name=b"}).value().items.size(), 1u);
  EXPECT_EQ(fake.List(kConfigMaps, {.field_selector = "spec.x=b"}).status().kind(),
            ErrorKind::kInvalid);

  EXPECT_TRUE(fake.Delete(kConfigMaps, "prod", "a").ok());
  EXPECT_EQ(fake.Delete(kConfigMaps, "prod", "a").kind(), ErrorKind::kNotFound);
  EXPECT_EQ(fake.CurrentResourceVersion(), "5");
}

TEST(FakeClientTest, PatchesBumpVersionsAndGenerationOnlyWhenSomethingChanges) {
  FakeClient fake;
  ASSERT_TRUE(fake.Create(kConfigMaps, "prod", ConfigMap("a")).ok());

  Result<JsonDocument> labelled = fake.Patch(kConfigMaps, "prod", "a", PatchType::kMergePatch,
                                             Json(R"({"metadata":{"labels":{"x":"y"}}})"));
  ASSERT_TRUE(labelled.ok()) << labelled.status().ToString();
  EXPECT_EQ(ObjectResourceVersion(*labelled), "2");
  EXPECT_EQ(Generation(*labelled), 1);

  Result<JsonDocument> changed =
      fake.Patch(kConfigMaps, "prod", "a", PatchType::kJsonPatch,
                 Json(R"([{"op":"replace","path":"/data/k","value":"w"}])"));
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(ObjectResourceVersion(*changed), "3");
  EXPECT_EQ(Generation(*changed), 2);

  Result<JsonDocument> same =
      fake.Patch(kConfigMaps, "prod", "a", PatchType::kMergePatch, Json(R"({"data":{"k":"w"}})"));
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(ObjectResourceVersion(*same), "3");
  EXPECT_EQ(fake.CurrentResourceVersion(), "3");
}

TEST(FakeClientTest, StaleResourceVersionsConflict) {
  FakeClient fake;
  ASSERT_TRUE(fake.Create(kConfigMaps, "prod", ConfigMap("a")).ok());
  ASSERT_TRUE(
      fake.Patch(kConfigMaps, "prod", "a", PatchType::kMergePatch, Json(R"({"data":{"k":"2"}})"))
          .ok());

  Status stale = fake.Patch(kConfigMaps, "prod", "a", PatchType::kMergePatch,
                            Json(R"({"metadata":{"resourceVersion":"1"},"data":{"k":"3"}})"))
                     .status();
  EXPECT_EQ(stale.kind(), ErrorKind::kConflict);

  Status failed_test = fake.Patch(kConfigMaps, "prod", "a", PatchType::kJsonPatch,
                                  Json(R"([{"op":"test","path":"/metadata/resourceVersion",
                                            "value":"1"}])"))
                           .status();
  EXPECT_EQ(failed_test.kind(), ErrorKind::kInvalid);

  EXPECT_TRUE(fake.Patch(kConfigMaps, "prod", "a", PatchType::kMergePatch,
                         Json(R"({"metadata":{"resourceVersion":"2"},"data":{"k":"3"}})"))
                  .ok());
  EXPECT_EQ(fake.Patch(kConfigMaps, "prod", "missing", PatchType::kMergePatch, Json("{}"))
                .status()
                .kind(),
            ErrorKind::kNotFound);
  EXPECT_EQ(fake.Patch(kConfigMaps, "prod", "a", PatchType::kMergePatch,
                       Json(R"({"metadata":{"name":"b"}})"))
                .status()
                .kind(),
            ErrorKind::kInvalid);
}

TEST(FakeClientTest, StatusAndMainResourceIgnoreEachOther) {
  FakeClient fake;
  ASSERT_TRUE(fake.Create(kConfigMaps, "prod", ConfigMap("a")).ok());

  Result<JsonDocument> status = fake.PatchStatus(
      kConfigMaps, "prod", "a", Json(R"({"status":{"ready":true},"data":{"k":"ignored"}})"));
  ASSERT_TRUE(status.ok());
  EXPECT_TRUE(FindPath(*status, "status.ready")->GetBool());
  EXPECT_EQ(*FindPath(*status, "data.k"), "v");
  EXPECT_EQ(Generation(*status), 1);

  Result<JsonDocument> main =
      fake.Patch(kConfigMaps, "prod", "a", PatchType::kMergePatch, Json(R"({"status":null})"));
  ASSERT_TRUE(main.ok());
  EXPECT_NE(FindPath(*main, "status.ready"), nullptr);
}

TEST(FakeClientTest, WatchReplaysHistoryThenFollowsLiveChanges) {
  FakeClient fake;
  ASSERT_TRUE(fake.Create(kConfigMaps, "prod", ConfigMap("a")).ok());
  std::string from = fake.CurrentResourceVersion();
  ASSERT_TRUE(fake.Create(kConfigMaps, "prod", ConfigMap("b")).ok());
  ASSERT_TRUE(fake.Create(kConfigMaps, "dev", ConfigMap("other-namespace")).ok());
  ASSERT_TRUE(fake.Create(kNamespaces, "", Json(R"({"metadata":{"name":"other-type"}})")).ok());

  std::vector<std::string> seen;
  std::jthread watcher([&](std::stop_token stop) {
    Status status = fake.Watch(
        kConfigMaps, {.namespace_name = "prod", .resource_version = from, .timeout = {}},
        [&](WatchEvent event) {
          seen.push_back(std::string(WatchEventTypeName(event.type)) + " " +
                         std::string(ObjectName(event.object)));
          return event.type != WatchEventType::kDeleted;
        },
        stop);
    EXPECT_TRUE(status.ok());
  });

  ASSERT_TRUE(fake.WaitForOpenWatches(1, std::chrono::seconds(5)));
  fake.Bookmark(kConfigMaps);
  ASSERT_TRUE(
      fake.Patch(kConfigMaps, "prod", "b", PatchType::kMergePatch, Json(R"({"data":{"k":"2"}})"))
          .ok());
  ASSERT_TRUE(fake.Delete(kConfigMaps, "prod", "a").ok());
  watcher.join();

  EXPECT_EQ(seen, (std::vector<std::string>{"ADDED b", "BOOKMARK ", "MODIFIED b", "DELETED a"}));
  EXPECT_EQ(fake.OpenWatches(), 0u);
}

TEST(FakeClientTest, WatchWithoutAVersionStartsWithTheCurrentState) {
  FakeClient fake;
  ASSERT_TRUE(fake.Create(kConfigMaps, "prod", ConfigMap("a")).ok());
  std::vector<std::string> seen;
  Status status = fake.Watch(kConfigMaps, {.timeout = std::chrono::seconds(0)},
                             [&](WatchEvent event) {
                               seen.push_back(std::string(ObjectName(event.object)));
                               return false;
                             },
                             {});
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(seen, std::vector<std::string>{"a"});
}

TEST(FakeClientTest, CompactedVersionsAreGoneAndWatchesEndOnRequest) {
  FakeClient fake;
  ASSERT_TRUE(fake.Create(kConfigMaps, "prod", ConfigMap("a")).ok());
  ASSERT_TRUE(fake.Create(kConfigMaps, "prod", ConfigMap("b")).ok());
  fake.CompactHistory();
  auto ignore = [](WatchEvent) { return true; };
  EXPECT_EQ(fake.Watch(kConfigMaps, {.resource_version = "1"}, ignore, {}).kind(),
            ErrorKind::kGone);
  EXPECT_EQ(fake.Watch(kConfigMaps, {.resource_version = "x"}, ignore, {}).kind(),
            ErrorKind::kInvalid);

  std::jthread watcher([&](std::stop_token stop) {
    EXPECT_TRUE(fake.Watch(kConfigMaps, {.resource_version = "2"}, ignore, stop).ok());
  });
  ASSERT_TRUE(fake.WaitForOpenWatches(1, std::chrono::seconds(5)));
  fake.EndWatches();
  watcher.join();

  std::jthread stopped([&](std::stop_token stop) {
    EXPECT_TRUE(fake.Watch(kConfigMaps, {.resource_version = "2"}, ignore, stop).ok());
  });
  ASSERT_TRUE(fake.WaitForOpenWatches(1, std::chrono::seconds(5)));
  stopped.request_stop();
  stopped.join();
  EXPECT_EQ(fake.OpenWatches(), 0u);
}

TEST(FakeClientTest, RecordsEvents) {
  FakeClient fake;
  Result<JsonDocument> created = fake.Create(kConfigMaps, "prod", ConfigMap("a"));
  ASSERT_TRUE(created.ok());
  ASSERT_TRUE(
      fake.RecordEvent(ReferenceTo(*created), EventType::kNormal, "Repaired", "fixed it").ok());
  std::vector<FakeClient::RecordedEvent> events = fake.RecordedEvents();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].object.kind, "ConfigMap");
  EXPECT_EQ(events[0].object.namespace_name, "prod");
  EXPECT_EQ(events[0].object.name, "a");
  EXPECT_EQ(events[0].reason, "Repaired");
  EXPECT_EQ(events[0].type, EventType::kNormal);
}

}  // namespace
}  // namespace ccspm::kube
