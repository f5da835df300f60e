# Warnings are applied per target, never globally (as cmark does).
function(vpnlint_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 /WX)
    target_compile_definitions(${target} PRIVATE _CRT_SECURE_NO_WARNINGS)
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wstrict-prototypes
                                             -Wmissing-prototypes -Wshadow -Wformat=2)
  endif()
endfunction()
