# Dependencies of the static leverkit::integration library, included by leverkitConfig.cmake.
include(CMakeFindDependencyMacro)
find_dependency(PkgConfig)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
find_dependency(OpenSSL COMPONENTS Crypto)
