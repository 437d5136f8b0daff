# Installed beside leverkitConfig.cmake and included by it: what a static leverkit::client needs
# beyond the common dependencies (curl, simdjson, Threads are found by the main config).
include(CMakeFindDependencyMacro)
find_dependency(OpenSSL COMPONENTS Crypto)
