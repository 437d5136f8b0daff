# Warnings for leverkit's own targets; never forced on consumers.
function(leverkit_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
                                           -Wimplicit-fallthrough
                                           # GCC 12 flags designated initializers that omit members
                                           # (PR 96868); options structs are meant to be used that way.
                                           -Wno-missing-field-initializers)
  if(LEVERKIT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
