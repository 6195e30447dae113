// The Kubernetes CEL libraries, checked against the behaviour Kubernetes documents for them.
#include <gtest/gtest.h>

#include <string>

#include "engine/cel/cel.h"

namespace ccspm::cel {
namespace {

std::string Eval(std::string_view expression) {
  Environment env = Environment::Kubernetes();
  Result<Program> program = Compile(expression, env);
  if (!program.ok()) return "compile error: " + program.status().message();
  Activation activation(env);
  Result<Value> value = Evaluate(*program, activation);
  if (!value.ok()) return "error: " + value.status().message();
  return ToJsonText(*value);
}

class K8sLibraryTest : public testing::TestWithParam<const char*> {};

TEST_P(K8sLibraryTest, HoldsTrue) { EXPECT_EQ(Eval(GetParam()), "true") << GetParam(); }

INSTANTIATE_TEST_SUITE_P(
    Lists, K8sLibraryTest,
    testing::Values("[1, 2, 3].isSorted()", "!['b', 'a'].isSorted()", "[1, 2, 3].sum() == 6",
                    "[1.5, 2.5].sum() == 4.0", "[3, 1, 2].min() == 1", "[3, 1, 2].max() == 3",
                    "[1, 2, 1].indexOf(1) == 0", "[1, 2, 1].lastIndexOf(1) == 2",
                    "[1, 2, 3, 4].slice(1, 3) == [2, 3]", "[[1], [2, 3]].flatten() == [1, 2, 3]",
                    "[1, 2, 1].distinct() == [1, 2]", "[3, 1, 2].sort() == [1, 2, 3]",
                    "lists.range(3) == [0, 1, 2]", "[].sum() == 0"));

INSTANTIATE_TEST_SUITE_P(
    Sets, K8sLibraryTest,
    testing::Values("sets.contains([1, 2, 3, 4], [2, 3])", "!sets.contains([1, 2], [3])",
                    "sets.equivalent([1, 2, 3], [3, 2, 1])", "sets.equivalent([1, 1], [1])",
                    "sets.intersects([1, 2], [2, 3])", "!sets.intersects([1], [2])"));

INSTANTIATE_TEST_SUITE_P(Regex, K8sLibraryTest,
                         testing::Values("'abc 123'.find('[0-9]+') == '123'",
                                         "'abc'.find('[0-9]+') == ''",
                                         "'123 abc 456'.findAll('[0-9]+') == ['123', '456']",
                                         "'123 abc 456'.findAll('[0-9]+', 1) == ['123']",
                                         "'xyz'.findAll('a*').size() == 4"));

INSTANTIATE_TEST_SUITE_P(
    Urls, K8sLibraryTest,
    testing::Values("url('https://example.com:80/').getHost() == 'example.com:80'",
                    "url('https://example.com:80/').getHostname() == 'example.com'",
                    "url('https://example.com:80/').getPort() == '80'",
                    "url('https://[::1]:80/').getHostname() == '::1'",
                    "url('https://[::1]:80/').getHost() == '[::1]:80'",
                    "url('/absolute-path').getScheme() == ''",
                    "url('https://example.com/a/b').getEscapedPath() == '/a/b'",
                    "url('https://example.com/path?k1=a&k2=b&k2=c').getQuery() == "
                    "{'k1': ['a'], 'k2': ['b', 'c']}",
                    "isURL('https://example.com:80/path?query=val#fragment')",
                    "!isURL('example.com')", "!isURL('')"));

INSTANTIATE_TEST_SUITE_P(
    Quantities, K8sLibraryTest,
    testing::Values("quantity('1Gi') == quantity('1024Mi')", "quantity('200M') == quantity('0.2G')",
                    "quantity('50000M').isLessThan(quantity('100Gi'))",
                    "quantity('100Gi').isGreaterThan(quantity('50000M'))",
                    "quantity('1').compareTo(quantity('1000m')) == 0",
                    "quantity('1.5G').asApproximateFloat() == 1.5e9",
                    "quantity('50k').add(20).sub(quantity('100k')).asInteger() == -49980",
                    "quantity('500m').add(quantity('500m')).isInteger()",
                    "!quantity('0.5').isInteger()", "quantity('-1').sign() == -1",
                    "quantity('0').sign() == 0", "isQuantity('1.3G')", "!isQuantity('1.3GiB')",
                    "quantity('2e3').asInteger() == 2000", "quantity('1Ki').asInteger() == 1024"));

INSTANTIATE_TEST_SUITE_P(
    Semver, K8sLibraryTest,
    testing::Values("semver('1.2.3').isLessThan(semver('1.10.0'))",
                    "semver('2.0.0').isGreaterThan(semver('1.99.99'))",
                    "semver('1.0.0-alpha').compareTo(semver('1.0.0')) == -1",
                    "semver('1.0.0-alpha.1').isLessThan(semver('1.0.0-alpha.beta'))",
                    "semver('1.0.0+build') == semver('1.0.0')",
                    "semver('1.2.3').major() == 1 && semver('1.2.3').minor() == 2 && "
                    "semver('1.2.3').patch() == 3",
                    "isSemver('1.0.0')", "!isSemver('v1.0')", "isSemver('v1.0', true)",
                    "semver('v01.2', true) == semver('1.2.0')"));

INSTANTIATE_TEST_SUITE_P(
    Formats, K8sLibraryTest,
    testing::Values("!format.dns1123Label().validate('my-name').hasValue()",
                    "format.dns1123Label().validate('My_Name').hasValue()",
                    "format.dns1123Subdomain().validate('-bad').value().size() == 1",
                    "format.named('uuid').hasValue()", "!format.named('nope').hasValue()",
                    "!format.named('uuid').value().validate("
                    "'123e4567-e89b-12d3-a456-426614174000').hasValue()",
                    "!format.labelValue().validate('').hasValue()",
                    "!format.qualifiedName().validate('example.com/my-name').hasValue()"));

INSTANTIATE_TEST_SUITE_P(
    Network, K8sLibraryTest,
    testing::Values("isIP('10.0.0.1')", "ip('10.0.0.1').family() == 4",
                    "cidr('10.0.0.0/8').containsIP('10.1.2.3')",
                    "!cidr('10.0.0.0/8').containsIP('11.0.0.1')",
                    "string(cidr('192.168.0.1/24').masked()) == '192.168.0.0/24'"));

TEST(K8sLibraryErrorsTest, BadInputIsAnErrorNotACrash) {
  EXPECT_EQ(Eval("quantity('12 parsecs')").starts_with("error: 1:1: quantities must match"), true);
  EXPECT_EQ(Eval("semver('1.2')").starts_with("error: 1:1: invalid semver"), true);
  EXPECT_EQ(Eval("url('not a url')").starts_with("error:"), true);
  EXPECT_EQ(Eval("quantity('0.5').asInteger()").starts_with("error:"), true);
  EXPECT_EQ(Eval("[].min()").starts_with("error:"), true);
  EXPECT_EQ(Eval("'x'.find('(')").starts_with("compile error: 1:5: invalid regular expression"),
            true);
  EXPECT_EQ(Eval("'x'.find(dyn('('))").starts_with("error: 1:5: invalid regular expression"), true);
}

}  // namespace
}  // namespace ccspm::cel
