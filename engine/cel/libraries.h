// Registration of the function libraries, one per file.
#pragma once

#include "engine/cel/function_registry.h"

namespace ccspm::cel {

// CEL standard library.
void RegisterConversions(FunctionRegistry& registry);      // lib_conversions.cc
void RegisterStandardStrings(FunctionRegistry& registry);  // lib_strings.cc
void RegisterCollections(FunctionRegistry& registry);      // lib_collections.cc
void RegisterTime(FunctionRegistry& registry);             // lib_time.cc

// CEL extension libraries (cel-go ext).
void RegisterExtStrings(FunctionRegistry& registry);   // ext_strings.cc
void RegisterExtFormat(FunctionRegistry& registry);    // ext_format.cc
void RegisterExtMath(FunctionRegistry& registry);      // ext_math.cc
void RegisterExtEncoders(FunctionRegistry& registry);  // ext_encoders.cc
void RegisterOptional(FunctionRegistry& registry);     // ext_optional.cc

// Kubernetes CEL libraries.
void RegisterK8sLists(FunctionRegistry& registry);     // k8s_lists.cc
void RegisterK8sSets(FunctionRegistry& registry);      // k8s_sets.cc
void RegisterK8sRegex(FunctionRegistry& registry);     // k8s_regex.cc
void RegisterK8sUrls(FunctionRegistry& registry);      // k8s_urls.cc
void RegisterK8sQuantity(FunctionRegistry& registry);  // k8s_quantity.cc
void RegisterK8sNetwork(FunctionRegistry& registry);   // k8s_network.cc
void RegisterK8sSemver(FunctionRegistry& registry);    // k8s_semver.cc
void RegisterK8sFormat(FunctionRegistry& registry);    // k8s_format.cc

// Every library above.
void RegisterAllLibraries(FunctionRegistry& registry);

}  // namespace ccspm::cel
