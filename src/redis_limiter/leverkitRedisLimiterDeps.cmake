# Dependencies of the static leverkit::redis_limiter library, included by leverkitConfig.cmake:
# recreates the imported target wrapping hiredis (Debian's package has no imported target).
if(NOT TARGET leverkit_hiredis)
  find_library(LEVERKIT_HIREDIS_LIBRARY NAMES hiredis)
  find_path(LEVERKIT_HIREDIS_INCLUDE_DIR hiredis/hiredis.h)
  if(LEVERKIT_HIREDIS_LIBRARY AND LEVERKIT_HIREDIS_INCLUDE_DIR)
    add_library(leverkit_hiredis UNKNOWN IMPORTED)
    set_target_properties(leverkit_hiredis PROPERTIES
      IMPORTED_LOCATION ${LEVERKIT_HIREDIS_LIBRARY}
      INTERFACE_INCLUDE_DIRECTORIES ${LEVERKIT_HIREDIS_INCLUDE_DIR})
  else()
    set(leverkit_FOUND FALSE)
    set(leverkit_NOT_FOUND_MESSAGE "leverkit::redis_limiter needs hiredis (Debian: libhiredis-dev)")
    return()
  endif()
endif()
