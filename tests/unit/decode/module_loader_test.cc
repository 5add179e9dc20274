// Where the reader modules are looked for: relative to the file holding the
// loader (here the test executable in <build>/tests/), or
// $LAWREPORT_MODULE_DIR.
#include "decode/module_loader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace lawreport::decode_internal {
namespace {

// Sets an environment variable for one test and restores it after.
class ScopedEnvironment {
 public:
  ScopedEnvironment(const char* name, const char* value) : name_(name) {
    const char* old = std::getenv(name);
    if (old != nullptr) old_ = old;
    had_ = old != nullptr;
    if (value != nullptr)
      ::setenv(name, value, 1);
    else
      ::unsetenv(name);
  }
  ~ScopedEnvironment() {
    if (had_)
      ::setenv(name_, old_.c_str(), 1);
    else
      ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::string old_;
  bool had_ = false;
};

TEST(ModuleLoaderTest, TestsDirectoryFindsTheBuildTreesModules) {
  ScopedEnvironment unset("LAWREPORT_MODULE_DIR", nullptr);
  const std::vector<std::string> directories = ModuleSearchDirectories();
  ASSERT_FALSE(directories.empty());
  bool found = false;
  for (const std::string& directory : directories) {
    EXPECT_EQ(directory.find(".."), std::string::npos) << directory;
    found = found ||
            ::access((directory + "/liblawreport_pdf.so").c_str(), R_OK) == 0;
  }
  EXPECT_TRUE(found) << "no directory searched holds liblawreport_pdf.so";
  // The installed layout's entry (bin → lib/lawreport) does not apply here.
  for (const std::string& directory : directories)
    EXPECT_EQ(directory.find("/lib/lawreport"), std::string::npos) << directory;
}

TEST(ModuleLoaderTest, EnvironmentOverridesAndNamesItselfWhenEmpty) {
  ScopedEnvironment set("LAWREPORT_MODULE_DIR", "/nonexistent/modules");
  EXPECT_EQ(ModuleSearchDirectories(),
            std::vector<std::string>{"/nonexistent/modules"});
  const OpenedModule opened =
      OpenModule("liblawreport_pdf.so", "lawreport_read_pdf");
  EXPECT_EQ(opened.entry, nullptr);
  EXPECT_EQ(opened.problem,
            "liblawreport_pdf.so is not in "
            "LAWREPORT_MODULE_DIR=/nonexistent/modules");
}

TEST(ModuleLoaderTest, MissingModuleNamesWhereItLooked) {
  ScopedEnvironment unset("LAWREPORT_MODULE_DIR", nullptr);
  const OpenedModule opened = OpenModule("liblawreport_absent.so", "symbol");
  EXPECT_EQ(opened.entry, nullptr);
  EXPECT_EQ(opened.problem.rfind("liblawreport_absent.so was not found (looked "
                                 "in /",
                                 0),
            0u)
      << opened.problem;
  EXPECT_NE(opened.problem.find("set LAWREPORT_MODULE_DIR"), std::string::npos);
}

}  // namespace
}  // namespace lawreport::decode_internal
