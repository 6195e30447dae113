#include "kube/client.h"

#include <gtest/gtest.h>

#include "kube/object_meta.h"
#include "kube/testing/scripted_transport.h"

namespace ccspm::kube {
namespace {

using testing::ScriptedTransport;

const ResourceType kConfigMaps{"", "v1", "configmaps", "ConfigMap", true};

JsonDocument Json(std::string_view text) {
  Result<JsonDocument> parsed = ParseJson(text);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return parsed.ok() ? std::move(parsed).value() : JsonDocument();
}

class ClientTest : public ::testing::Test {
 protected:
  std::shared_ptr<ScriptedTransport> transport_ = std::make_shared<ScriptedTransport>();
  Client client_{transport_, {.event_source = {"ccspm", "pod-1"}, .list_page_size = 2}};
};

TEST_F(ClientTest, GetReturnsTheObject) {
  transport_->Respond("GET", "/api/v1/namespaces/prod/configmaps/web", 200,
                      R"({"kind":"ConfigMap","metadata":{"name":"web"}})");
  Result<JsonDocument> object = client_.Get(kConfigMaps, "prod", "web");
  ASSERT_TRUE(object.ok()) << object.status().ToString();
  EXPECT_EQ(ObjectName(*object), "web");
}

TEST_F(ClientTest, MapsApiErrorsAndKeepsTheirMessage) {
  transport_->Respond("GET", "/api/v1/namespaces/prod/configmaps/gone", 404,
                      R"({"kind":"Status","message":"configmaps \"gone\" not found",
                          "reason":"NotFound","code":404})");
  Result<JsonDocument> object = client_.Get(kConfigMaps, "prod", "gone");
  EXPECT_EQ(object.status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(object.status().message(), "configmaps \"gone\" not found");

  transport_->Respond("GET", "/api/v1/namespaces/prod/configmaps/bad", 200, "not json");
  EXPECT_EQ(client_.Get(kConfigMaps, "prod", "bad").status().kind(), ErrorKind::kInvalid);
  EXPECT_EQ(client_.Get(kConfigMaps, "prod", "").status().kind(), ErrorKind::kInvalid);
}

TEST_F(ClientTest, ListFollowsPagesAndFillsTypeMeta) {
  const std::string base = "/api/v1/namespaces/prod/configmaps?labelSelector=app%3Dweb&limit=2";
  transport_->Respond("GET", base, 200, R"({"metadata":{"resourceVersion":"10","continue":"t1"},
      "items":[{"metadata":{"name":"a"}},{"metadata":{"name":"b"}}]})");
  transport_->Respond(
      "GET", base + "&continue=t1", 200,
      R"({"metadata":{"resourceVersion":"10"},"items":[{"metadata":{"name":"c"}}]})");

  Result<ObjectList> list =
      client_.List(kConfigMaps, {.namespace_name = "prod", .label_selector = "app=web"});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->items.size(), 3u);
  EXPECT_EQ(list->resource_version, "10");
  EXPECT_EQ(ObjectName(list->items[2]), "c");
  EXPECT_EQ(StringMember(list->items[0], "kind"), "ConfigMap");
  EXPECT_EQ(StringMember(list->items[0], "apiVersion"), "v1");
}

TEST_F(ClientTest, ListAcceptsNullItems) {
  transport_->Respond("GET", "/api/v1/configmaps?limit=2", 200,
                      R"({"metadata":{"resourceVersion":"3"},"items":null})");
  Result<ObjectList> list = client_.List(kConfigMaps, {});
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->items.empty());
}

TEST_F(ClientTest, WritesUseTheRightVerbsAndContentTypes) {
  const std::string object_path = "/api/v1/namespaces/prod/configmaps/web";
  transport_->Respond("POST", "/api/v1/namespaces/prod/configmaps?fieldManager=ccspm", 201,
                      R"({"metadata":{"name":"web"}})");
  transport_->Respond("PATCH", object_path + "?fieldManager=ccspm", 200, "{}");
  transport_->Respond("PATCH", object_path + "/status?dryRun=All&fieldManager=ccspm", 200, "{}");
  transport_->Respond("DELETE", object_path, 200, R"({"kind":"Status","status":"Success"})");

  ASSERT_TRUE(client_.Create(kConfigMaps, "prod", Json(R"({"metadata":{"name":"web"}})")).ok());
  ASSERT_TRUE(client_
                  .Patch(kConfigMaps, "prod", "web", PatchType::kJsonPatch,
                         Json(R"([{"op":"add","path":"/data","value":{}}])"))
                  .ok());
  ASSERT_TRUE(
      client_
          .Patch(kConfigMaps, "prod", "web", PatchType::kMergePatch, Json(R"({"data":{"a":"b"}})"))
          .ok());
  ASSERT_TRUE(
      client_.PatchStatus(kConfigMaps, "prod", "web", Json(R"({"status":{}})"), {.dry_run = true})
          .ok());
  ASSERT_TRUE(client_.Delete(kConfigMaps, "prod", "web").ok());

  std::vector<HttpRequest> requests = transport_->requests();
  ASSERT_EQ(requests.size(), 5u);
  EXPECT_EQ(requests[0].content_type, "application/json");
  EXPECT_EQ(requests[0].body, R"({"metadata":{"name":"web"}})");
  EXPECT_EQ(requests[1].content_type, "application/json-patch+json");
  EXPECT_EQ(requests[2].content_type, "application/merge-patch+json");
  EXPECT_EQ(requests[3].content_type, "application/merge-patch+json");
  EXPECT_EQ(requests[4].method, "DELETE");
}

TEST_F(ClientTest, RefusesMalformedPatchesLocally) {
  EXPECT_EQ(
      client_.Patch(kConfigMaps, "prod", "web", PatchType::kJsonPatch, Json("{}")).status().kind(),
      ErrorKind::kInvalid);
  EXPECT_EQ(
      client_.Patch(kConfigMaps, "prod", "web", PatchType::kMergePatch, Json("[]")).status().kind(),
      ErrorKind::kInvalid);
  EXPECT_EQ(client_.Create(kConfigMaps, "", Json("{}")).status().kind(), ErrorKind::kInvalid);
  EXPECT_TRUE(transport_->requests().empty());
}

TEST_F(ClientTest, ConflictOnCreateIsConflict) {
  transport_->Respond("POST", "/api/v1/namespaces/prod/configmaps?fieldManager=ccspm", 409,
                      R"({"kind":"Status","reason":"AlreadyExists",
                          "message":"configmaps \"web\" already exists","code":409})");
  Status status = client_.Create(kConfigMaps, "prod", Json("{}")).status();
  EXPECT_EQ(status.kind(), ErrorKind::kConflict);
  EXPECT_TRUE(status.retryable());
}

TEST_F(ClientTest, RecordEventCreatesACoreEvent) {
  transport_->Respond("POST", "/api/v1/namespaces/default/events", 201, "{}");
  ObjectReference node{"v1", "Node", "", "node-1", "uid-1", "4"};
  ASSERT_TRUE(client_.RecordEvent(node, EventType::kWarning, "Drift", "fixed").ok());

  JsonDocument event = Json(transport_->requests().at(0).body);
  EXPECT_EQ(*FindPath(event, "metadata.generateName"), "node-1.");
  EXPECT_EQ(*FindPath(event, "metadata.namespace"), "default");
  EXPECT_EQ(*FindPath(event, "involvedObject.kind"), "Node");
  EXPECT_EQ(*FindPath(event, "involvedObject.uid"), "uid-1");
  EXPECT_EQ(*FindPath(event, "type"), "Warning");
  EXPECT_EQ(*FindPath(event, "reason"), "Drift");
  EXPECT_EQ(*FindPath(event, "reportingComponent"), "ccspm");
  EXPECT_EQ(*FindPath(event, "reportingInstance"), "pod-1");
  EXPECT_EQ(*FindPath(event, "source.component"), "ccspm");
  EXPECT_NE(FindPath(event, "firstTimestamp"), nullptr);
}

TEST_F(ClientTest, RecordEventCountsRepeatsIntoOneEvent) {
  transport_->Respond("POST", "/api/v1/namespaces/prod/events", 201,
                      R"({"metadata":{"name":"web.17a","namespace":"prod"}})");
  transport_->Respond("PATCH", "/api/v1/namespaces/prod/events/web.17a?fieldManager=ccspm", 200,
                      "{}");
  ObjectReference web{"apps/v1", "Deployment", "prod", "web", "uid-2", "7"};

  ASSERT_TRUE(client_.RecordEvent(web, EventType::kNormal, "DriftRepaired", "fixed").ok());
  ASSERT_TRUE(client_.RecordEvent(web, EventType::kNormal, "DriftRepaired", "fixed").ok());
  ASSERT_TRUE(client_.RecordEvent(web, EventType::kNormal, "DriftRepaired", "fixed").ok());
  ASSERT_EQ(transport_->requests().size(), 3u);
  EXPECT_EQ(transport_->requests()[1].method, "PATCH");
  EXPECT_EQ(transport_->requests()[1].content_type, "application/merge-patch+json");
  const JsonDocument second = Json(transport_->requests()[1].body);
  const JsonDocument third = Json(transport_->requests()[2].body);
  EXPECT_EQ(FindMember(second, "count")->GetInt(), 2);
  EXPECT_EQ(FindMember(third, "count")->GetInt(), 3);
  EXPECT_NE(FindMember(third, "lastTimestamp"), nullptr);

  // Another message is another Event.
  ASSERT_TRUE(client_.RecordEvent(web, EventType::kNormal, "DriftRepaired", "other").ok());
  EXPECT_EQ(transport_->requests()[3].method, "POST");
}

TEST_F(ClientTest, RecordEventCreatesAgainWhenTheCountedEventIsGone) {
  transport_->Respond("POST", "/api/v1/namespaces/prod/events", 201,
                      R"({"metadata":{"name":"web.17a","namespace":"prod"}})");
  transport_->Respond("PATCH", "/api/v1/namespaces/prod/events/web.17a?fieldManager=ccspm", 404,
                      R"({"kind":"Status","reason":"NotFound","code":404})");
  ObjectReference web{"apps/v1", "Deployment", "prod", "web", "uid-2", "7"};

  ASSERT_TRUE(client_.RecordEvent(web, EventType::kWarning, "DriftDetected", "x").ok());
  ASSERT_TRUE(client_.RecordEvent(web, EventType::kWarning, "DriftDetected", "x").ok());
  ASSERT_EQ(transport_->requests().size(), 3u);
  EXPECT_EQ(transport_->requests()[1].method, "PATCH");
  EXPECT_EQ(transport_->requests()[2].method, "POST");
  const JsonDocument recreated = Json(transport_->requests()[2].body);
  EXPECT_EQ(FindMember(recreated, "count")->GetInt(), 1);
}

const std::string kWatchPath =
    "/api/v1/namespaces/prod/configmaps?watch=true&allowWatchBookmarks=true&resourceVersion=5"
    "&timeoutSeconds=60";

TEST_F(ClientTest, WatchDeliversEventsAcrossChunks) {
  transport_->RespondStream(
      kWatchPath, {R"({"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"6"}}})"
                   "\n{\"type\":\"MODI",
                   R"(FIED","object":{"metadata":{"name":"a","resourceVersion":"7"}}})"
                   "\n",
                   R"({"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"9"}}})"
                   "\n"});
  std::vector<std::string> seen;
  Status status = client_.Watch(
      kConfigMaps,
      {.namespace_name = "prod", .resource_version = "5", .timeout = std::chrono::seconds(60)},
      [&](WatchEvent event) {
        seen.push_back(std::string(WatchEventTypeName(event.type)) + " " +
                       std::string(ObjectResourceVersion(event.object)));
        return true;
      },
      {});
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(seen, (std::vector<std::string>{"ADDED 6", "MODIFIED 7", "BOOKMARK 9"}));
  EXPECT_EQ(transport_->requests().at(0).timeout, std::chrono::seconds(90));
}

TEST_F(ClientTest, WatchErrorEventEndsTheWatchAsGone) {
  transport_->RespondStream(
      kWatchPath, {R"({"type":"ADDED","object":{"metadata":{"name":"a"}}})"
                   "\n",
                   R"({"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired",)"
                   R"("message":"too old resource version"}})"
                   "\n",
                   R"({"type":"ADDED","object":{"metadata":{"name":"never"}}})"
                   "\n"});
  int delivered = 0;
  Status status = client_.Watch(
      kConfigMaps,
      {.namespace_name = "prod", .resource_version = "5", .timeout = std::chrono::seconds(60)},
      [&](WatchEvent) {
        ++delivered;
        return true;
      },
      {});
  EXPECT_EQ(status.kind(), ErrorKind::kGone);
  EXPECT_EQ(status.message(), "too old resource version");
  EXPECT_EQ(delivered, 1);
}

TEST_F(ClientTest, WatchStopsOnAMalformedLineOrWhenTheHandlerSaysSo) {
  transport_->RespondStream(kWatchPath, {"garbage\n"});
  WatchOptions options{
      .namespace_name = "prod", .resource_version = "5", .timeout = std::chrono::seconds(60)};
  EXPECT_EQ(client_.Watch(kConfigMaps, options, [](WatchEvent) { return true; }, {}).kind(),
            ErrorKind::kInvalid);

  transport_->RespondStream(kWatchPath, {R"({"type":"ADDED","object":{}})"
                                         "\n"
                                         R"({"type":"ADDED","object":{}})"
                                         "\n"});
  int delivered = 0;
  Status status = client_.Watch(kConfigMaps, options,
                                [&](WatchEvent) {
                                  ++delivered;
                                  return false;
                                },
                                {});
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(delivered, 1);
}

}  // namespace
}  // namespace ccspm::kube
