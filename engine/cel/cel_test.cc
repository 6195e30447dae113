#include "engine/cel/cel.h"

#include <gtest/gtest.h>

#include <string>

namespace ccspm::cel {
namespace {

// Compiles and evaluates `expression` in the standard environment; returns the JSON text of the
// value, or "error: <message>".
std::string Eval(std::string_view expression) {
  Environment env = Environment::Standard();
  Result<Program> program = Compile(expression, env);
  if (!program.ok()) return "compile error: " + program.status().message();
  Activation activation(env);
  Result<Value> value = Evaluate(*program, activation);
  if (!value.ok()) return "error: " + value.status().message();
  return ToJsonText(*value);
}

TEST(CelTest, Literals) {
  EXPECT_EQ(Eval("1"), "1");
  EXPECT_EQ(Eval("-9223372036854775808"), "-9223372036854775808");
  EXPECT_EQ(Eval("1u"), "1");
  EXPECT_EQ(Eval("1.5"), "1.5");
  EXPECT_EQ(Eval("'a\\nb'"), "\"a\\nb\"");
  EXPECT_EQ(Eval("b'\\x00\\xff'"), "\"AP8=\"");
  EXPECT_EQ(Eval("[1, 'a', null, true]"), "[1,\"a\",null,true]");
  EXPECT_EQ(Eval("{'a': 1}"), "{\"a\":1}");
}

TEST(CelTest, ArithmeticAndOverflow) {
  EXPECT_EQ(Eval("1 + 2 * 3"), "7");
  EXPECT_EQ(Eval("7 / 2"), "3");
  EXPECT_EQ(Eval("7 % 3"), "1");
  EXPECT_EQ(Eval("9223372036854775807 + 1"), "error: 1:21: integer overflow");
  EXPECT_EQ(Eval("1 / 0"), "error: 1:3: divide by zero");
  EXPECT_EQ(Eval("0u - 1u"), "error: 1:4: integer overflow");
  EXPECT_EQ(Eval("1 + 1u").starts_with("error: 1:3: no such overload"), true);
}

TEST(CelTest, HeterogeneousEquality) {
  EXPECT_EQ(Eval("1 == 1.0"), "true");
  EXPECT_EQ(Eval("1 == 1u"), "true");
  EXPECT_EQ(Eval("1 == 'a'"), "false");
  EXPECT_EQ(Eval("[1, 2] == [1.0, 2u]"), "true");
  EXPECT_EQ(Eval("1 < 1.5"), "true");
  EXPECT_EQ(Eval("-1 < 0u"), "true");
  EXPECT_EQ(Eval("0.0/0.0 == 0.0/0.0"), "false");
}

TEST(CelTest, ErrorsAbsorbedByLogic) {
  EXPECT_EQ(Eval("false && 1/0 == 1"), "false");
  EXPECT_EQ(Eval("1/0 == 1 && false"), "false");
  EXPECT_EQ(Eval("1/0 == 1 || true"), "true");
  EXPECT_EQ(Eval("true || 1/0 == 1"), "true");
  EXPECT_EQ(Eval("1/0 == 1 || false"), "error: 1:2: divide by zero");
  EXPECT_EQ(Eval("[1, 0].exists(x, 1/x == 1)"), "true");
  EXPECT_EQ(Eval("[0, 1].all(x, 1/x == 2)"), "false");
}

TEST(CelTest, Macros) {
  EXPECT_EQ(Eval("[1, 2, 3].map(x, x * 2)"), "[2,4,6]");
  EXPECT_EQ(Eval("[1, 2, 3].filter(x, x > 1)"), "[2,3]");
  EXPECT_EQ(Eval("[1, 2, 3].map(x, x > 1, x * 10)"), "[20,30]");
  EXPECT_EQ(Eval("[1, 2, 3].exists_one(x, x == 2)"), "true");
  EXPECT_EQ(Eval("{'a': 1, 'b': 2}.all(k, k in ['a', 'b'])"), "true");
  EXPECT_EQ(Eval("has({'a': 1}.a)"), "true");
  EXPECT_EQ(Eval("has({'a': 1}.b)"), "false");
  EXPECT_EQ(Eval("cel.bind(x, 2, x * x)"), "4");
}

TEST(CelTest, Optionals) {
  EXPECT_EQ(Eval("{'a': 1}.?a.orValue(0)"), "1");
  EXPECT_EQ(Eval("{'a': 1}.?b.orValue(0)"), "0");
  EXPECT_EQ(Eval("[1][?3].hasValue()"), "false");
  EXPECT_EQ(Eval("optional.of(1).value()"), "1");
  EXPECT_EQ(Eval("optional.none().or(optional.of(2)).value()"), "2");
  EXPECT_EQ(Eval("[?optional.none(), ?optional.of(1)]"), "[1]");
}

TEST(CelTest, Strings) {
  EXPECT_EQ(Eval("size('héllo')"), "5");
  EXPECT_EQ(Eval("'hello'.startsWith('he')"), "true");
  EXPECT_EQ(Eval("'abc'.matches('^a.c$')"), "true");
  EXPECT_EQ(Eval("'a,b'.split(',')"), "[\"a\",\"b\"]");
  EXPECT_EQ(Eval("'%s=%d'.format(['x', 1])"), "\"x=1\"");
  EXPECT_EQ(Eval("string(b'\\xff')").starts_with("error:"), true);
}

TEST(CelTest, Time) {
  EXPECT_EQ(Eval("timestamp('2009-02-13T23:31:30Z') + duration('1h')"), "\"2009-02-14T00:31:30Z\"");
  EXPECT_EQ(Eval("int(timestamp('2009-02-13T23:31:30Z'))"), "1234567890");
  EXPECT_EQ(Eval("timestamp('2009-02-13T23:31:30Z').getHours('+05:30')"), "5");
  EXPECT_EQ(Eval("duration('1h30m').getMinutes()"), "90");
  EXPECT_EQ(Eval("timestamp('10000-01-01T00:00:00Z')").starts_with("error:"), true);
}

TEST(CelTest, CompileErrorsHavePositions) {
  EXPECT_EQ(Eval("1 +"),
            "compile error: 1:4: syntax error: expected an expression, found end of input");
  EXPECT_EQ(Eval("x + 1"), "compile error: 1:1: undeclared reference to 'x'");
  EXPECT_EQ(Eval("'a'\n  .nope()"), "compile error: 2:4: undeclared reference to 'nope'");
  EXPECT_EQ(Eval("'a'.matches('(')").starts_with("compile error: 1:5: invalid regular"), true);
  EXPECT_EQ(Eval("[1].all(1, true)").starts_with("compile error:"), true);
}

TEST(CelTest, HostileInput) {
  const std::string parens = std::string(1000, '(') + "1" + std::string(1000, ')');
  EXPECT_EQ(Eval(parens).starts_with("compile error: 1:"), true);
  std::string chain = "1";
  for (int i = 0; i < 5000; ++i) chain += " + 1";
  EXPECT_EQ(Eval(chain).find("nested too deeply") != std::string::npos, true);
  EXPECT_EQ(Eval("99999999999999999999").starts_with("compile error: 1:1: integer literal"), true);
  EXPECT_EQ(Eval("'\xff'"), "compile error: expression is not valid UTF-8");
  EXPECT_EQ(Eval("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.matches('(a+)+$')"), "false");
}

TEST(CelTest, JsonVariablesAreBorrowed) {
  Environment env = Environment::Kubernetes();
  Result<JsonDocument> pod = ParseJson(
      R"({"metadata":{"name":"web","labels":{"app":"x"}},
          "spec":{"containers":[{"name":"a","image":"nginx:1"},{"name":"b","image":"redis"}]}})");
  ASSERT_TRUE(pod.ok());
  Activation activation(env);
  ASSERT_TRUE(activation.BindJson("object", &*pod).ok());

  Result<Program> program =
      Compile("object.spec.containers.map(c, c.name) + [object.metadata.labels.app]", env);
  ASSERT_TRUE(program.ok()) << program.status().message();
  Result<Value> value = Evaluate(*program, activation);
  ASSERT_TRUE(value.ok()) << value.status().message();
  EXPECT_EQ(ToJsonText(*value), R"(["a","b","x"])");

  Result<Program> missing = Compile("object.spec.nodeName == 'x'", env);
  ASSERT_TRUE(missing.ok());
  Result<Value> error = Evaluate(*missing, activation);
  EXPECT_EQ(error.status().message(), "1:12: no such key: 'nodeName'");
}

TEST(CelTest, LazyVariablesEvaluateOnce) {
  Environment env = Environment::Kubernetes();
  env.AddLazyVariable("names");
  Result<JsonDocument> pod = ParseJson(R"({"spec":{"containers":[{"name":"a"}]}})");
  Result<Program> names = Compile("object.spec.containers.map(c, c.name)", env);
  Result<Program> check = Compile("variables.names.size() == 1 && 'a' in variables.names", env);
  ASSERT_TRUE(names.ok() && check.ok());

  Activation activation(env);
  ASSERT_TRUE(activation.BindJson("object", &*pod).ok());
  ASSERT_TRUE(activation.BindLazy("names", &*names).ok());
  CostBudget budget;
  Result<Value> value = Evaluate(*check, activation, &budget);
  ASSERT_TRUE(value.ok()) << value.status().message();
  EXPECT_TRUE(IsTrue(*value));
  EXPECT_FALSE(Compile("variables.unknown", env).ok());
}

TEST(CelTest, CostBudgetStopsHugeWork) {
  Environment env = Environment::Standard();
  env.SetCostLimit(10'000);
  Result<Program> program =
      Compile("lists.range(1000).all(i, lists.range(1000).all(j, true))", env);
  ASSERT_TRUE(program.ok()) << program.status().message();
  Activation activation(env);
  Result<Value> value = Evaluate(*program, activation);
  ASSERT_FALSE(value.ok());
  EXPECT_NE(value.status().message().find("cost budget exceeded evaluating expression"),
            std::string::npos);

  CostBudget policy{.limit = 50};
  Result<Program> small = Compile("[1, 2, 3].map(x, x * 2).size() == 3", env);
  ASSERT_TRUE(small.ok());
  EXPECT_TRUE(Evaluate(*small, activation, &policy).ok());
  EXPECT_GT(policy.used, 0u);
}

}  // namespace
}  // namespace ccspm::cel
