#include "engine/cel/parser.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <vector>

#include "engine/cel/lexer.h"
#include "engine/cel/macros.h"

namespace ccspm::cel {

namespace {

constexpr std::array<std::string_view, 17> kReservedWords = {
    "as",  "break", "const",   "continue",  "else",   "for", "function", "if",   "import",
    "let", "loop",  "package", "namespace", "return", "var", "void",     "while"};

bool IsReserved(std::string_view word) {
  return std::find(kReservedWords.begin(), kReservedWords.end(), word) != kReservedWords.end();
}

struct BinaryOp {
  TokenKind token;
  Op op;
  const char* name;
};

constexpr BinaryOp kRelations[] = {
    {TokenKind::kEq, Op::kEq, "_==_"}, {TokenKind::kNe, Op::kNe, "_!=_"},
    {TokenKind::kLt, Op::kLt, "_<_"},  {TokenKind::kLe, Op::kLe, "_<=_"},
    {TokenKind::kGt, Op::kGt, "_>_"},  {TokenKind::kGe, Op::kGe, "_>=_"},
    {TokenKind::kIn, Op::kIn, "@in"},
};
constexpr BinaryOp kAdditions[] = {{TokenKind::kPlus, Op::kAdd, "_+_"},
                                   {TokenKind::kMinus, Op::kSub, "_-_"}};
constexpr BinaryOp kMultiplications[] = {{TokenKind::kStar, Op::kMul, "_*_"},
                                         {TokenKind::kSlash, Op::kDiv, "_/_"},
                                         {TokenKind::kPercent, Op::kMod, "_%_"}};

class Parser {
 public:
  Parser(std::string_view source, std::vector<Token> tokens, const ParseOptions& options)
      : source_(source), tokens_(std::move(tokens)), options_(options) {}

  Result<ExprPtr> Run() {
    Result<ExprPtr> expr = ParseExpr();
    if (!expr.ok()) return expr;
    if (Peek().kind != TokenKind::kEnd) return Unexpected("end of expression");
    return expr;
  }

 private:
  // Guards recursion: every nested construct passes through here.
  class DepthGuard {
   public:
    explicit DepthGuard(Parser* parser) : parser_(parser) { ++parser_->depth_; }
    ~DepthGuard() { --parser_->depth_; }

   private:
    Parser* parser_;
  };

  const Token& Peek(size_t ahead = 0) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  const Token& Advance() { return tokens_[std::min(pos_++, tokens_.size() - 1)]; }
  bool Accept(TokenKind kind) {
    if (Peek().kind != kind) return false;
    ++pos_;
    return true;
  }

  Status Error(int32_t offset, std::string_view message) const {
    return ErrorAt(source_, offset, message);
  }

  Status Unexpected(std::string_view wanted) const {
    const Token& token = Peek();
    const std::string found =
        token.kind == TokenKind::kEnd ? "end of input" : "'" + std::string(token.lexeme) + "'";
    return Error(token.offset,
                 "syntax error: expected " + std::string(wanted) + ", found " + found);
  }

  Status Expect(TokenKind kind, std::string_view wanted) {
    if (Accept(kind)) return Status::Ok();
    return Unexpected(wanted);
  }

  Status CheckDepth(int32_t offset) const {
    if (depth_ > options_.max_depth) {
      return Error(offset, "expression nested too deeply (limit " +
                               std::to_string(options_.max_depth) + ")");
    }
    return Status::Ok();
  }

  // Every node is made here, so the tree height (which bounds every later recursion over the
  // tree) is checked as the tree grows, including for long left-associative chains.
  Result<ExprPtr> Finish(ExprPtr expr) {
    int height = 0;
    for (const ExprPtr& arg : expr->args) height = std::max(height, heights_[arg.get()]);
    for (const MapEntry& entry : expr->entries) {
      height = std::max(height, heights_[entry.key.get()]);
      height = std::max(height, heights_[entry.value.get()]);
    }
    heights_[expr.get()] = height + 1;
    if (height + 1 > options_.max_depth) {
      return Error(expr->offset, "expression nested too deeply (limit " +
                                     std::to_string(options_.max_depth) + ")");
    }
    return expr;
  }

  Result<ExprPtr> Call(int32_t offset, Op op, const char* name, std::vector<ExprPtr> args) {
    auto expr = std::make_unique<Expr>();
    expr->kind = ExprKind::kCall;
    expr->offset = offset;
    expr->op = op;
    expr->name = name;
    expr->args = std::move(args);
    return Finish(std::move(expr));
  }

  Result<ExprPtr> Constant(int32_t offset, Value value) {
    auto expr = std::make_unique<Expr>();
    expr->offset = offset;
    expr->value = std::move(value);
    return Finish(std::move(expr));
  }

  Result<ExprPtr> ParseExpr() {
    DepthGuard guard(this);
    CCSPM_RETURN_IF_ERROR(CheckDepth(Peek().offset));

    Result<ExprPtr> condition = ParseOr();
    if (!condition.ok() || Peek().kind != TokenKind::kQuestion) return condition;
    const int32_t offset = Advance().offset;
    Result<ExprPtr> if_true = ParseOr();
    if (!if_true.ok()) return if_true;
    CCSPM_RETURN_IF_ERROR(Expect(TokenKind::kColon, "':'"));
    Result<ExprPtr> if_false = ParseExpr();
    if (!if_false.ok()) return if_false;

    std::vector<ExprPtr> args;
    args.push_back(std::move(*condition));
    args.push_back(std::move(*if_true));
    args.push_back(std::move(*if_false));
    return Call(offset, Op::kTernary, "_?_:_", std::move(args));
  }

  Result<ExprPtr> ParseOr() {
    return ParseLogical(TokenKind::kOr, Op::kOr, "_||_", &Parser::ParseAnd);
  }
  Result<ExprPtr> ParseAnd() {
    return ParseLogical(TokenKind::kAnd, Op::kAnd, "_&&_", &Parser::ParseRelation);
  }

  Result<ExprPtr> ParseLogical(TokenKind token, Op op, const char* name,
                               Result<ExprPtr> (Parser::*next)()) {
    Result<ExprPtr> left = (this->*next)();
    while (left.ok() && Peek().kind == token) {
      const int32_t offset = Advance().offset;
      Result<ExprPtr> right = (this->*next)();
      if (!right.ok()) return right;
      std::vector<ExprPtr> args;
      args.push_back(std::move(*left));
      args.push_back(std::move(*right));
      left = Call(offset, op, name, std::move(args));
    }
    return left;
  }

  template <size_t N>
  Result<ExprPtr> ParseBinary(const BinaryOp (&ops)[N], Result<ExprPtr> (Parser::*next)()) {
    Result<ExprPtr> left = (this->*next)();
    while (left.ok()) {
      const BinaryOp* match = nullptr;
      for (const BinaryOp& op : ops) {
        if (Peek().kind == op.token) match = &op;
      }
      if (match == nullptr) break;
      const int32_t offset = Advance().offset;
      Result<ExprPtr> right = (this->*next)();
      if (!right.ok()) return right;
      std::vector<ExprPtr> args;
      args.push_back(std::move(*left));
      args.push_back(std::move(*right));
      left = Call(offset, match->op, match->name, std::move(args));
    }
    return left;
  }

  Result<ExprPtr> ParseRelation() { return ParseBinary(kRelations, &Parser::ParseAddition); }
  Result<ExprPtr> ParseAddition() { return ParseBinary(kAdditions, &Parser::ParseMultiplication); }
  Result<ExprPtr> ParseMultiplication() {
    return ParseBinary(kMultiplications, &Parser::ParseUnary);
  }

  Result<ExprPtr> ParseUnary() {
    DepthGuard guard(this);
    CCSPM_RETURN_IF_ERROR(CheckDepth(Peek().offset));

    if (Peek().kind == TokenKind::kBang) {
      const int32_t offset = Advance().offset;
      Result<ExprPtr> operand = ParseUnary();
      if (!operand.ok()) return operand;
      std::vector<ExprPtr> args;
      args.push_back(std::move(*operand));
      return Call(offset, Op::kNot, "!_", std::move(args));
    }
    if (Peek().kind == TokenKind::kMinus) {
      const int32_t offset = Advance().offset;
      if (Result<ExprPtr> literal = NegativeLiteral(offset); !literal.ok() || *literal) {
        return literal;
      }
      Result<ExprPtr> operand = ParseUnary();
      if (!operand.ok()) return operand;
      std::vector<ExprPtr> args;
      args.push_back(std::move(*operand));
      return Call(offset, Op::kNeg, "-_", std::move(args));
    }
    return ParseMember();
  }

  // Folds "-<number>" into one constant, so the most negative int is expressible. Returns a
  // null ExprPtr when the next token is not a number followed by no member access.
  Result<ExprPtr> NegativeLiteral(int32_t offset) {
    const Token& token = Peek();
    const TokenKind after = Peek(1).kind;
    const bool member = after == TokenKind::kDot || after == TokenKind::kLBracket;
    if (member) return ExprPtr();
    if (token.kind == TokenKind::kInt) {
      Advance();
      if (token.uint_value > static_cast<uint64_t>(INT64_MAX) + 1) {
        return Error(token.offset, "integer literal out of range");
      }
      return Constant(offset, Value::Int(static_cast<int64_t>(0 - token.uint_value)));
    }
    if (token.kind == TokenKind::kDouble) {
      Advance();
      return Constant(offset, Value::Double(-token.double_value));
    }
    return ExprPtr();
  }

  Result<ExprPtr> ParseMember() {
    Result<ExprPtr> operand = ParsePrimary();
    while (operand.ok()) {
      const int32_t offset = Peek().offset;
      if (Accept(TokenKind::kDot)) {
        operand = ParseSelection(std::move(*operand), offset);
      } else if (Accept(TokenKind::kLBracket)) {
        operand = ParseIndex(std::move(*operand), offset);
      } else if (Peek().kind == TokenKind::kLBrace && IsQualifiedName(**operand)) {
        operand = ParseStruct(QualifiedName(**operand), (*operand)->offset);
      } else {
        break;
      }
    }
    return operand;
  }

  static bool IsQualifiedName(const Expr& expr) {
    if (expr.kind == ExprKind::kIdent) return true;
    return expr.kind == ExprKind::kSelect && !expr.test_only && IsQualifiedName(*expr.args[0]);
  }

  static std::string QualifiedName(const Expr& expr) {
    if (expr.kind == ExprKind::kIdent) return expr.name;
    return QualifiedName(*expr.args[0]) + "." + expr.name;
  }

  Result<ExprPtr> ParseSelection(ExprPtr operand, int32_t offset) {
    const bool optional = Accept(TokenKind::kQuestion);
    const Token& field = Peek();
    if (field.kind != TokenKind::kIdent && field.kind != TokenKind::kQuotedIdent) {
      return Unexpected("a field name after '.'");
    }
    Advance();

    if (optional) {
      std::vector<ExprPtr> args;
      args.push_back(std::move(operand));
      Result<ExprPtr> name = Constant(field.offset, Value::String(field.text));
      if (!name.ok()) return name;
      args.push_back(std::move(*name));
      return Call(offset, Op::kOptSelect, "_?._", std::move(args));
    }

    if (field.kind == TokenKind::kIdent && Peek().kind == TokenKind::kLParen) {
      Advance();
      Result<std::vector<ExprPtr>> args = ParseList(TokenKind::kRParen, nullptr);
      if (!args.ok()) return args.status();
      return MakeReceiverCall(std::move(operand), field, std::move(*args));
    }

    auto select = std::make_unique<Expr>();
    select->kind = ExprKind::kSelect;
    select->offset = offset;
    select->name = field.text;
    select->args.push_back(std::move(operand));
    return Finish(std::move(select));
  }

  Result<ExprPtr> MakeReceiverCall(ExprPtr target, const Token& name, std::vector<ExprPtr> args) {
    MacroResult macro = ExpandReceiverMacro(&target, name.text, &args);
    if (!macro.error.empty()) return Error(name.offset, macro.error);
    if (macro.expanded) {
      macro.expr->offset = name.offset;
      return Finish(std::move(macro.expr));
    }

    auto call = std::make_unique<Expr>();
    call->kind = ExprKind::kCall;
    call->offset = name.offset;
    call->name = name.text;
    call->receiver_style = true;
    call->args.push_back(std::move(target));
    for (ExprPtr& arg : args) call->args.push_back(std::move(arg));
    return Finish(std::move(call));
  }

  Result<ExprPtr> ParseIndex(ExprPtr operand, int32_t offset) {
    const bool optional = Accept(TokenKind::kQuestion);
    Result<ExprPtr> index = ParseExpr();
    if (!index.ok()) return index;
    CCSPM_RETURN_IF_ERROR(Expect(TokenKind::kRBracket, "']'"));
    std::vector<ExprPtr> args;
    args.push_back(std::move(operand));
    args.push_back(std::move(*index));
    if (optional) return Call(offset, Op::kOptIndex, "_[?_]", std::move(args));
    return Call(offset, Op::kIndex, "_[_]", std::move(args));
  }

  // Parses "elem, elem, ...<close>" (the opening token already consumed), allowing a trailing
  // comma. With `optional_flags`, elements may be written "?elem".
  Result<std::vector<ExprPtr>> ParseList(TokenKind close, std::vector<bool>* optional_flags) {
    DepthGuard guard(this);
    CCSPM_RETURN_IF_ERROR(CheckDepth(Peek().offset));

    std::vector<ExprPtr> items;
    while (!Accept(close)) {
      const bool optional = optional_flags != nullptr && Accept(TokenKind::kQuestion);
      Result<ExprPtr> item = ParseExpr();
      if (!item.ok()) return item.status();
      items.push_back(std::move(*item));
      if (optional_flags != nullptr) optional_flags->push_back(optional);
      if (Accept(close)) break;
      CCSPM_RETURN_IF_ERROR(Expect(TokenKind::kComma, "',' or closing bracket"));
    }
    return items;
  }

  Result<ExprPtr> ParseStruct(std::string type_name, int32_t offset) {
    DepthGuard guard(this);
    CCSPM_RETURN_IF_ERROR(CheckDepth(Peek().offset));
    Advance();  // '{'

    auto expr = std::make_unique<Expr>();
    expr->kind = ExprKind::kStruct;
    expr->offset = offset;
    expr->name = std::move(type_name);
    while (!Accept(TokenKind::kRBrace)) {
      MapEntry entry;
      entry.optional = Accept(TokenKind::kQuestion);
      const Token& field = Peek();
      if (field.kind != TokenKind::kIdent && field.kind != TokenKind::kQuotedIdent) {
        return Unexpected("a field name");
      }
      Advance();
      Result<ExprPtr> key = Constant(field.offset, Value::String(field.text));
      if (!key.ok()) return key;
      entry.key = std::move(*key);
      CCSPM_RETURN_IF_ERROR(Expect(TokenKind::kColon, "':'"));
      Result<ExprPtr> value = ParseExpr();
      if (!value.ok()) return value;
      entry.value = std::move(*value);
      expr->entries.push_back(std::move(entry));
      if (Accept(TokenKind::kRBrace)) break;
      CCSPM_RETURN_IF_ERROR(Expect(TokenKind::kComma, "',' or '}'"));
    }
    return Finish(std::move(expr));
  }

  Result<ExprPtr> ParseMap(int32_t offset) {
    DepthGuard guard(this);
    CCSPM_RETURN_IF_ERROR(CheckDepth(Peek().offset));

    auto expr = std::make_unique<Expr>();
    expr->kind = ExprKind::kMap;
    expr->offset = offset;
    while (!Accept(TokenKind::kRBrace)) {
      MapEntry entry;
      entry.optional = Accept(TokenKind::kQuestion);
      Result<ExprPtr> key = ParseExpr();
      if (!key.ok()) return key;
      CCSPM_RETURN_IF_ERROR(Expect(TokenKind::kColon, "':'"));
      Result<ExprPtr> value = ParseExpr();
      if (!value.ok()) return value;
      entry.key = std::move(*key);
      entry.value = std::move(*value);
      expr->entries.push_back(std::move(entry));
      if (Accept(TokenKind::kRBrace)) break;
      CCSPM_RETURN_IF_ERROR(Expect(TokenKind::kComma, "',' or '}'"));
    }
    return Finish(std::move(expr));
  }

  Result<ExprPtr> ParsePrimary() {
    const Token& token = Advance();
    switch (token.kind) {
      case TokenKind::kInt:
        if (token.uint_value > static_cast<uint64_t>(INT64_MAX)) {
          return Error(token.offset, "integer literal out of range");
        }
        return Constant(token.offset, Value::Int(static_cast<int64_t>(token.uint_value)));
      case TokenKind::kUint:
        return Constant(token.offset, Value::Uint(token.uint_value));
      case TokenKind::kDouble:
        return Constant(token.offset, Value::Double(token.double_value));
      case TokenKind::kString:
        return Constant(token.offset, Value::String(token.text));
      case TokenKind::kBytes:
        return Constant(token.offset, Value::Bytes(token.text));
      case TokenKind::kTrue:
        return Constant(token.offset, Value::Bool(true));
      case TokenKind::kFalse:
        return Constant(token.offset, Value::Bool(false));
      case TokenKind::kNull:
        return Constant(token.offset, Value::Null());
      case TokenKind::kLParen: {
        Result<ExprPtr> inner = ParseExpr();
        if (!inner.ok()) return inner;
        CCSPM_RETURN_IF_ERROR(Expect(TokenKind::kRParen, "')'"));
        return inner;
      }
      case TokenKind::kLBracket: {
        auto list = std::make_unique<Expr>();
        list->kind = ExprKind::kList;
        list->offset = token.offset;
        Result<std::vector<ExprPtr>> items = ParseList(TokenKind::kRBracket, &list->optional_flags);
        if (!items.ok()) return items.status();
        list->args = std::move(*items);
        return Finish(std::move(list));
      }
      case TokenKind::kLBrace:
        return ParseMap(token.offset);
      case TokenKind::kDot: {
        const Token& ident = Peek();
        if (ident.kind != TokenKind::kIdent) return Unexpected("an identifier after '.'");
        Advance();
        return Identifier(ident, "." + ident.text);
      }
      case TokenKind::kIdent:
        return Identifier(token, token.text);
      default:
        --pos_;
        return Unexpected("an expression");
    }
  }

  Result<ExprPtr> Identifier(const Token& token, std::string name) {
    if (IsReserved(token.text)) {
      return Error(token.offset, "reserved identifier '" + token.text + "'");
    }
    if (Peek().kind == TokenKind::kLParen) {
      Advance();
      Result<std::vector<ExprPtr>> args = ParseList(TokenKind::kRParen, nullptr);
      if (!args.ok()) return args.status();
      MacroResult macro = ExpandGlobalMacro(name, &*args);
      if (!macro.error.empty()) return Error(token.offset, macro.error);
      if (macro.expanded) {
        macro.expr->offset = token.offset;
        return Finish(std::move(macro.expr));
      }
      auto call = std::make_unique<Expr>();
      call->kind = ExprKind::kCall;
      call->offset = token.offset;
      call->name = std::move(name);
      call->args = std::move(*args);
      return Finish(std::move(call));
    }

    auto ident = std::make_unique<Expr>();
    ident->kind = ExprKind::kIdent;
    ident->offset = token.offset;
    ident->name = std::move(name);
    return Finish(std::move(ident));
  }

  std::string_view source_;
  std::vector<Token> tokens_;
  ParseOptions options_;
  size_t pos_ = 0;
  int depth_ = 0;
  std::unordered_map<const Expr*, int> heights_;
};

}  // namespace

Result<ExprPtr> Parse(std::string_view source, const ParseOptions& options) {
  if (source.size() > options.max_expression_bytes) {
    return InvalidError("expression is " + std::to_string(source.size()) +
                        " bytes, over the limit of " +
                        std::to_string(options.max_expression_bytes));
  }
  Result<std::vector<Token>> tokens = Tokenize(source);
  if (!tokens.ok()) return tokens.status();
  return Parser(source, std::move(*tokens), options).Run();
}

}  // namespace ccspm::cel
