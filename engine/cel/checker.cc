#include "engine/cel/checker.h"

#include <optional>
#include <string>
#include <vector>

#include "engine/cel/function_registry.h"
#include "engine/cel/lexer.h"
#include "engine/cel/value_compare.h"

namespace ccspm::cel {

namespace {

constexpr std::string_view kTypeNames[] = {"int",
                                           "uint",
                                           "double",
                                           "bool",
                                           "string",
                                           "bytes",
                                           "list",
                                           "map",
                                           "null_type",
                                           "type",
                                           "optional_type",
                                           "google.protobuf.Timestamp",
                                           "google.protobuf.Duration",
                                           "net.IP",
                                           "net.CIDR",
                                           "kubernetes.Quantity",
                                           "kubernetes.URL",
                                           "kubernetes.Semver",
                                           "kubernetes.NamedFormat"};

std::optional<Value> TypeConstant(std::string_view name) {
  for (std::string_view type : kTypeNames) {
    if (type == name) return Value::Type(type);
  }
  return std::nullopt;
}

class Checker {
 public:
  Checker(const Environment& env, std::string_view source) : env_(env), source_(source) {}

  Status Run(Expr* root, int* max_locals) {
    CCSPM_RETURN_IF_ERROR(Resolve(root));
    *max_locals = max_locals_;
    return Status::Ok();
  }

 private:
  Status Fail(const Expr& expr, std::string_view message) const {
    return ErrorAt(source_, expr.offset, message);
  }

  // The candidate names for `name` in the container: "a.b.name", "a.name", "name".
  std::vector<std::string> Candidates(std::string_view name) const {
    if (!name.empty() && name[0] == '.') return {std::string(name.substr(1))};
    std::vector<std::string> out;
    std::string container = env_.container();
    while (!container.empty()) {
      out.push_back(container + "." + std::string(name));
      const size_t dot = container.rfind('.');
      container = dot == std::string::npos ? "" : container.substr(0, dot);
    }
    out.push_back(std::string(name));
    return out;
  }

  int FindLocal(std::string_view name) const {
    for (size_t i = locals_.size(); i-- > 0;) {
      if (locals_[i] == name) return static_cast<int>(i);
    }
    return -1;
  }

  // Resolves a (possibly qualified) name to a variable, lazy variable or type constant.
  bool ResolveName(std::string_view name, Expr* expr) const {
    for (const std::string& candidate : Candidates(name)) {
      if (const int slot = env_.VariableSlot(candidate); slot >= 0) {
        expr->ref = RefKind::kVariable;
        expr->slot = slot;
        return true;
      }
      if (candidate.starts_with("variables.")) {
        if (const int slot = env_.LazySlot(candidate.substr(10)); slot >= 0) {
          expr->ref = RefKind::kLazy;
          expr->slot = slot;
          return true;
        }
      }
      if (std::optional<Value> type = TypeConstant(candidate)) {
        expr->ref = RefKind::kConstant;
        expr->value = *type;
        return true;
      }
    }
    return false;
  }

  // The dotted name of an identifier/select chain, or nullopt when it is not one. Fills `chain`
  // with the nodes from the outermost select down to the identifier.
  static std::optional<std::string> ChainName(Expr* expr, std::vector<Expr*>* chain) {
    if (expr->kind == ExprKind::kIdent) {
      chain->push_back(expr);
      return expr->name;
    }
    if (expr->kind != ExprKind::kSelect || expr->test_only) return std::nullopt;
    chain->push_back(expr);
    std::optional<std::string> prefix = ChainName(expr->args[0].get(), chain);
    if (!prefix) return std::nullopt;
    return *prefix + "." + expr->name;
  }

  // Tries to fold an identifier/select chain into one qualified name, longest prefix first.
  // Returns true when a prefix of the chain was resolved (and rewritten into an identifier).
  bool ResolveQualified(Expr* expr) {
    std::vector<Expr*> chain;
    std::optional<std::string> full = ChainName(expr, &chain);
    if (!full) return false;
    Expr* root = chain.back();
    if (root->name[0] != '.' && FindLocal(root->name) >= 0) return false;

    // chain[i] names the first (chain.size() - i) segments.
    std::string name = *full;
    for (size_t i = 0; i < chain.size(); ++i) {
      Expr* node = chain[i];
      Expr probe;
      if (ResolveName(name, &probe)) {
        node->kind = ExprKind::kIdent;
        node->name = name;
        node->ref = probe.ref;
        node->slot = probe.slot;
        node->value = probe.value;
        node->args.clear();
        return true;
      }
      const size_t dot = name.rfind('.');
      if (dot == std::string::npos) break;
      name.resize(dot);
    }
    return false;
  }

  Status Resolve(Expr* expr) {
    switch (expr->kind) {
      case ExprKind::kConst:
        return Status::Ok();
      case ExprKind::kIdent:
        return ResolveIdent(expr);
      case ExprKind::kSelect:
        if (!expr->test_only && ResolveQualified(expr)) return Status::Ok();
        return Resolve(expr->args[0].get());
      case ExprKind::kCall:
        return ResolveCall(expr);
      case ExprKind::kList:
        return ResolveList(expr);
      case ExprKind::kMap:
        return ResolveMap(expr);
      case ExprKind::kStruct:
        if (env_.checked()) {
          return Fail(*expr, "message construction is not supported: " + expr->name);
        }
        for (MapEntry& entry : expr->entries) CCSPM_RETURN_IF_ERROR(Resolve(entry.value.get()));
        return Status::Ok();
      case ExprKind::kComprehension:
      case ExprKind::kBind:
        return ResolveScope(expr);
    }
    return Status::Ok();
  }

  Status ResolveIdent(Expr* expr) {
    if (expr->name[0] != '.') {
      if (const int slot = FindLocal(expr->name); slot >= 0) {
        expr->ref = RefKind::kLocal;
        expr->slot = slot;
        return Status::Ok();
      }
    }
    if (ResolveName(expr->name, expr)) return Status::Ok();
    if (expr->name == "variables" && env_.lazy_count() > 0) {
      return Fail(*expr, "'variables' must be selected by name (variables.<name>)");
    }
    if (env_.checked()) return Fail(*expr, "undeclared reference to '" + expr->name + "'");
    return Status::Ok();
  }

  Status ResolveScope(Expr* expr) {
    CCSPM_RETURN_IF_ERROR(Resolve(expr->args[0].get()));
    expr->slot = static_cast<int>(locals_.size());
    locals_.push_back(expr->iter_var);
    max_locals_ = std::max(max_locals_, static_cast<int>(locals_.size()));
    for (size_t i = 1; i < expr->args.size(); ++i) {
      CCSPM_RETURN_IF_ERROR(Resolve(expr->args[i].get()));
    }
    locals_.pop_back();
    return Status::Ok();
  }

  // `pkg.fn(args)` where pkg is not a variable: the namespaced global function "pkg.fn".
  bool TryNamespacedCall(Expr* expr) {
    std::vector<Expr*> chain;
    std::optional<std::string> target = ChainName(expr->args[0].get(), &chain);
    if (!target || (*target)[0] == '.') return false;
    if (FindLocal(chain.back()->name) >= 0) return false;
    Expr probe;
    if (ResolveName(*target, &probe) && probe.ref != RefKind::kConstant) return false;

    for (const std::string& candidate : Candidates(*target + "." + expr->name)) {
      const FunctionDecl* decl = env_.registry().Find(candidate);
      if (decl == nullptr) continue;
      expr->name = candidate;
      expr->function = decl;
      expr->receiver_style = false;
      expr->args.erase(expr->args.begin());
      return true;
    }
    return false;
  }

  Status ResolveCall(Expr* expr) {
    if (expr->op != Op::kFunction) {
      for (ExprPtr& arg : expr->args) CCSPM_RETURN_IF_ERROR(Resolve(arg.get()));
      return Status::Ok();
    }

    if (expr->receiver_style && TryNamespacedCall(expr)) {
      // Resolved as a global function of a namespace.
    } else if (expr->receiver_style) {
      expr->function = env_.registry().Find(expr->name);
    } else {
      const std::string name = expr->name[0] == '.' ? expr->name.substr(1) : expr->name;
      for (const std::string& candidate : Candidates(name)) {
        expr->function = env_.registry().Find(candidate);
        if (expr->function != nullptr) break;
      }
    }
    for (ExprPtr& arg : expr->args) CCSPM_RETURN_IF_ERROR(Resolve(arg.get()));

    if (expr->function == nullptr) {
      if (env_.checked()) return Fail(*expr, "undeclared reference to '" + expr->name + "'");
      return Status::Ok();
    }
    if (!expr->function->HasArity(expr->args.size(), expr->receiver_style)) {
      if (env_.checked()) {
        return Fail(*expr, "no matching overload for '" + expr->name + "' with " +
                               std::to_string(expr->args.size()) + " argument(s)");
      }
    }
    if (CacheBuilder builder = env_.registry().FindCacheBuilder(expr->name)) {
      std::string error = builder(expr);
      if (!error.empty()) return Fail(*expr, error);
    }
    return Status::Ok();
  }

  static bool AllConstant(const std::vector<ExprPtr>& args) {
    for (const ExprPtr& arg : args) {
      if (arg->kind != ExprKind::kConst) return false;
    }
    return true;
  }

  Status ResolveList(Expr* expr) {
    for (ExprPtr& arg : expr->args) CCSPM_RETURN_IF_ERROR(Resolve(arg.get()));
    bool has_optional = false;
    for (bool flag : expr->optional_flags) has_optional = has_optional || flag;
    if (has_optional || !AllConstant(expr->args)) return Status::Ok();

    // A constant list is built once here, so evaluating it allocates nothing.
    std::vector<Value> items;
    for (const ExprPtr& arg : expr->args) items.push_back(arg->value);
    expr->kind = ExprKind::kConst;
    expr->value = Value::List(std::move(items));
    expr->args.clear();
    return Status::Ok();
  }

  Status ResolveMap(Expr* expr) {
    bool constant = true;
    for (MapEntry& entry : expr->entries) {
      CCSPM_RETURN_IF_ERROR(Resolve(entry.key.get()));
      CCSPM_RETURN_IF_ERROR(Resolve(entry.value.get()));
      constant = constant && !entry.optional && entry.key->kind == ExprKind::kConst &&
                 entry.value->kind == ExprKind::kConst;
    }
    if (!constant) return Status::Ok();

    std::vector<std::pair<Value, Value>> entries;
    for (const MapEntry& entry : expr->entries) {
      const Kind kind = entry.key->value.kind();
      if (kind != Kind::kString && kind != Kind::kInt && kind != Kind::kUint &&
          kind != Kind::kBool) {
        // Left for evaluation, which reports the bad key as an error value.
        return Status::Ok();
      }
      for (const auto& existing : entries) {
        if (KeysEqual(existing.first, entry.key->value)) return Status::Ok();
      }
      entries.emplace_back(entry.key->value, entry.value->value);
    }
    expr->kind = ExprKind::kConst;
    expr->value = Value::Map(std::move(entries));
    expr->entries.clear();
    return Status::Ok();
  }

  const Environment& env_;
  std::string_view source_;
  std::vector<std::string> locals_;
  int max_locals_ = 0;
};

}  // namespace

Status Check(Expr* root, const Environment& env, std::string_view source, int* max_locals) {
  return Checker(env, source).Run(root, max_locals);
}

}  // namespace ccspm::cel
