# Dependencies of the static leverkit::match library, included by leverkitConfig.cmake.
# Re-finds ICU and Hinnant date and recreates the imported target wrapping libphonenumber
# (which ships no CMake package), so the exported link interface resolves for consumers.
include(CMakeFindDependencyMacro)
find_dependency(ICU COMPONENTS uc i18n)
find_dependency(date CONFIG)
if(NOT TARGET leverkit_phonenumber)
  find_library(LEVERKIT_PHONENUMBER_LIBRARY NAMES phonenumber)
  find_path(LEVERKIT_PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h)
  find_library(LEVERKIT_PROTOBUF_LIBRARY NAMES protobuf)
  if(NOT LEVERKIT_PHONENUMBER_LIBRARY OR NOT LEVERKIT_PHONENUMBER_INCLUDE_DIR OR NOT LEVERKIT_PROTOBUF_LIBRARY)
    set(leverkit_FOUND FALSE)
    set(leverkit_NOT_FOUND_MESSAGE "leverkit::match needs libphonenumber and protobuf (Debian: libphonenumber-dev)")
    return()
  endif()
  add_library(leverkit_phonenumber UNKNOWN IMPORTED)
  set_target_properties(leverkit_phonenumber PROPERTIES
    IMPORTED_LOCATION ${LEVERKIT_PHONENUMBER_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${LEVERKIT_PHONENUMBER_INCLUDE_DIR}
    INTERFACE_LINK_LIBRARIES ${LEVERKIT_PROTOBUF_LIBRARY})
endif()
