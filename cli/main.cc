#include "cli/app.h"

int main(int argc, char** argv) { return ccspm::cli::Run(argc, argv); }
