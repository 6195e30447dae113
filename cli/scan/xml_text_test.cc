#include "cli/scan/xml_text.h"

#include <gtest/gtest.h>

#include "cli/scan/artifact_uri.h"

namespace ccspm::cli::scan {
namespace {

TEST(XmlTextTest, EscapesMarkupAndReplacesWhatXmlCannotHold) {
  EXPECT_EQ(XmlText("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
  EXPECT_EQ(XmlText(std::string("x\x01y\tz\n", 6)), "x\xEF\xBF\xBDy\tz\n");
  EXPECT_EQ(XmlText("bad \xff byte"), "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(XmlText("\xEF\xBF\xBF"), "\xEF\xBF\xBD");
}

TEST(ArtifactUriTest, RelativeUnderTheWorkingFolderEncodedElsewhere) {
  EXPECT_EQ(ArtifactUri("./deploy/a b.yaml", "/repo"), "deploy/a%20b.yaml");
  EXPECT_EQ(ArtifactUri("/repo/deploy/a.yaml", "/repo"), "deploy/a.yaml");
  EXPECT_EQ(ArtifactUri("/other/a.yaml", "/repo"), "file:///other/a.yaml");
  EXPECT_EQ(ArtifactUri("caf\xC3\xA9.yaml", "/repo"), "caf%C3%A9.yaml");
}

}  // namespace
}  // namespace ccspm::cli::scan
