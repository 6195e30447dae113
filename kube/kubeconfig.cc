// LoadKubeconfig and LoadKubeconfigList: kubeconfig YAML to a ClusterConfig.
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "base/base64.h"
#include "kube/config.h"
#include "kube/file_text.h"

namespace ccspm::kube {
namespace {

struct KubeconfigFile {
  std::string path;
  YAML::Node root;
};

// One named entry of a section ("clusters"), with the file it came from for relative paths.
struct Entry {
  const KubeconfigFile* file = nullptr;
  YAML::Node body;
};

Result<KubeconfigFile> ParseFile(const std::string& path) {
  Result<std::string> text = ReadFileText(path);
  if (!text.ok()) return text.status();
  try {
    YAML::Node root = YAML::Load(*text);
    if (!root.IsMap()) return InvalidError(path + ": a kubeconfig must be a YAML mapping");
    return KubeconfigFile{path, root};
  } catch (const YAML::Exception& error) {
    return InvalidError(path + ": invalid YAML: " + error.what());
  }
}

// The scalar `key` of `node`, or "" when absent; kInvalid when present but not a scalar.
Result<std::string> Scalar(const YAML::Node& node, const char* key, const std::string& where) {
  YAML::Node value = node[key];
  if (!value || value.IsNull()) return std::string();
  if (!value.IsScalar()) return InvalidError(where + ": " + key + " must be a string");
  return value.Scalar();
}

Result<Entry> FindNamed(const std::vector<KubeconfigFile>& files, const char* section,
                        const char* body_key, const std::string& name) {
  for (const KubeconfigFile& file : files) {
    YAML::Node list = file.root[section];
    if (!list || !list.IsSequence()) continue;
    for (const YAML::Node& item : list) {
      if (!item.IsMap() || !item["name"] || item["name"].Scalar() != name) continue;
      YAML::Node body = item[body_key];
      if (!body || !body.IsMap()) {
        return InvalidError(file.path + ": " + section + " entry \"" + name + "\" has no " +
                            body_key + " mapping");
      }
      return Entry{&file, body};
    }
  }
  std::string where = files.size() == 1 ? files.front().path : "the kubeconfig files";
  return NotFoundError(where + ": no entry \"" + name + "\" in " + section);
}

// Inline base64 data when present, else the named file resolved against the kubeconfig's folder.
Result<std::string> DataOrFile(const Entry& entry, const char* data_key, const char* file_key,
                               const std::string& where) {
  Result<std::string> data = Scalar(entry.body, data_key, where);
  if (!data.ok()) return data.status();
  if (!data->empty()) {
    Result<std::string> decoded = Base64Decode(*data);
    if (!decoded.ok()) return decoded.status().Prefixed(where + ": " + data_key);
    return decoded;
  }

  Result<std::string> file = Scalar(entry.body, file_key, where);
  if (!file.ok() || file->empty()) return file;
  Result<std::string> text = ReadFileText(ResolvePath(DirectoryOf(entry.file->path), *file));
  if (!text.ok()) return text.status().Prefixed(where + ": " + file_key);
  return text;
}

// Refuses settings we cannot honour; ignoring them would connect differently than kubectl does.
Status RefuseUnsupported(const YAML::Node& body, const std::string& where,
                         std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    YAML::Node value = body[key];
    if (!value || value.IsNull()) continue;
    if (value.IsScalar() && (value.Scalar() == "false" || value.Scalar().empty())) continue;
    return InvalidError(where + ": " + key + " is not supported by ccspm");
  }
  return Status::Ok();
}

Status FillCluster(const Entry& cluster, const std::string& where, ClusterConfig* config) {
  CCSPM_RETURN_IF_ERROR(RefuseUnsupported(
      cluster.body, where, {"insecure-skip-tls-verify", "tls-server-name", "proxy-url"}));

  Result<std::string> server = Scalar(cluster.body, "server", where);
  if (!server.ok()) return server.status();
  if (server->empty()) return InvalidError(where + ": server is missing");
  if (server->rfind("https://", 0) != 0) {
    return InvalidError(where + ": server " + *server + " is not an https:// URL");
  }
  config->server = *server;

  Result<std::string> ca =
      DataOrFile(cluster, "certificate-authority-data", "certificate-authority", where);
  if (!ca.ok()) return ca.status();
  config->ca_pem = std::move(ca).value();
  return Status::Ok();
}

Status FillUser(const Entry& user, const std::string& where, ClusterConfig* config) {
  CCSPM_RETURN_IF_ERROR(
      RefuseUnsupported(user.body, where, {"exec", "auth-provider", "username", "password"}));

  Result<std::string> cert =
      DataOrFile(user, "client-certificate-data", "client-certificate", where);
  if (!cert.ok()) return cert.status();
  Result<std::string> key = DataOrFile(user, "client-key-data", "client-key", where);
  if (!key.ok()) return key.status();
  if (cert->empty() != key->empty()) {
    return InvalidError(where + (cert->empty() ? ": client-key without client-certificate"
                                               : ": client-certificate without client-key"));
  }
  config->client_cert_pem = std::move(cert).value();
  config->client_key_pem = std::move(key).value();

  Result<std::string> token = Scalar(user.body, "token", where);
  if (!token.ok()) return token.status();
  config->bearer_token = std::move(token).value();
  if (!config->bearer_token.empty()) return Status::Ok();

  Result<std::string> token_file = Scalar(user.body, "tokenFile", where);
  if (!token_file.ok() || token_file->empty()) return token_file.status();
  config->bearer_token_file = ResolvePath(DirectoryOf(user.file->path), *token_file);
  Result<std::string> text = ReadFileText(config->bearer_token_file);
  if (!text.ok()) return text.status().Prefixed(where + ": tokenFile");
  config->bearer_token = Trimmed(std::move(text).value());
  return Status::Ok();
}

Result<std::string> CurrentContext(const std::vector<KubeconfigFile>& files) {
  for (const KubeconfigFile& file : files) {
    Result<std::string> name = Scalar(file.root, "current-context", file.path);
    if (!name.ok() || !name->empty()) return name;
  }
  std::string where = files.size() == 1 ? files.front().path : "the kubeconfig files";
  return InvalidError(where + ": no current-context and no context was given");
}

Result<ClusterConfig> Resolve(const std::vector<KubeconfigFile>& files,
                              const std::string& context_name) {
  Result<std::string> name = context_name.empty() ? CurrentContext(files) : context_name;
  if (!name.ok()) return name.status();
  Result<Entry> context = FindNamed(files, "contexts", "context", *name);
  if (!context.ok()) return context.status();
  std::string where = context->file->path + ": context \"" + *name + "\"";

  Result<std::string> cluster_name = Scalar(context->body, "cluster", where);
  Result<std::string> user_name = Scalar(context->body, "user", where);
  Result<std::string> ns = Scalar(context->body, "namespace", where);
  if (!cluster_name.ok()) return cluster_name.status();
  if (!user_name.ok()) return user_name.status();
  if (!ns.ok()) return ns.status();
  if (cluster_name->empty()) return InvalidError(where + ": cluster is missing");

  ClusterConfig config;
  config.default_namespace = ns->empty() ? "default" : *ns;

  Result<Entry> cluster = FindNamed(files, "clusters", "cluster", *cluster_name);
  if (!cluster.ok()) return cluster.status();
  CCSPM_RETURN_IF_ERROR(
      FillCluster(*cluster, cluster->file->path + ": cluster \"" + *cluster_name + "\"", &config));

  // A context without a user is valid: the server may accept anonymous requests.
  if (user_name->empty()) return config;
  Result<Entry> user = FindNamed(files, "users", "user", *user_name);
  if (!user.ok()) return user.status();
  CCSPM_RETURN_IF_ERROR(
      FillUser(*user, user->file->path + ": user \"" + *user_name + "\"", &config));
  return config;
}

}  // namespace

Result<ClusterConfig> LoadKubeconfig(const std::string& path, const std::string& context) {
  Result<KubeconfigFile> file = ParseFile(path);
  if (!file.ok()) return file.status();

  // yaml-cpp throws on some malformed shapes that slip past the checks above.
  try {
    return Resolve({std::move(file).value()}, context);
  } catch (const YAML::Exception& error) {
    return InvalidError(path + ": " + error.what());
  }
}

Result<ClusterConfig> LoadKubeconfigList(const std::string& path_list, const std::string& context) {
  std::vector<KubeconfigFile> files;
  size_t start = 0;
  while (start <= path_list.size()) {
    size_t colon = path_list.find(':', start);
    if (colon == std::string::npos) colon = path_list.size();
    std::string path = path_list.substr(start, colon - start);
    start = colon + 1;
    if (path.empty()) continue;

    Result<KubeconfigFile> file = ParseFile(path);
    if (file.ok()) {
      files.push_back(std::move(file).value());
    } else if (file.status().kind() != ErrorKind::kNotFound) {
      return file.status();
    }
  }
  if (files.empty()) return NotFoundError("no kubeconfig file exists in \"" + path_list + "\"");

  try {
    return Resolve(files, context);
  } catch (const YAML::Exception& error) {
    return InvalidError("kubeconfig: " + std::string(error.what()));
  }
}

}  // namespace ccspm::kube
