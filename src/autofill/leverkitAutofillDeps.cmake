# Installed beside leverkitConfig.cmake: what a static leverkit::autofill needs at link time.
include(CMakeFindDependencyMacro)
find_dependency(date CONFIG)
