# Shared part of the mingw-w64 cross toolchains (included by mingw-<arch>.cmake
# after it sets VPNLINT_MINGW_TRIPLET). Produces Windows PE binaries that are
# linked statically (libgcc, the mingw runtime and the dependencies built by
# scripts/build-win-deps.sh), so vpnlint.dll and vpnlint.exe import only
# Windows system DLLs. Tests run through wine as the cross-compiling emulator.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_VERSION 10.0)

set(CMAKE_C_COMPILER ${VPNLINT_MINGW_TRIPLET}-gcc)
set(CMAKE_CXX_COMPILER ${VPNLINT_MINGW_TRIPLET}-g++)
set(CMAKE_RC_COMPILER ${VPNLINT_MINGW_TRIPLET}-windres)
set(CMAKE_AR ${VPNLINT_MINGW_TRIPLET}-ar CACHE FILEPATH "archiver")
set(CMAKE_RANLIB ${VPNLINT_MINGW_TRIPLET}-ranlib CACHE FILEPATH "ranlib")

# Where the Windows dependencies live: VPNLINT_WIN_DEPS (cache variable or
# environment), else the default cache of scripts/build-win-deps.sh.
if(NOT VPNLINT_WIN_DEPS)
  if(DEFINED ENV{VPNLINT_WIN_DEPS} AND NOT "$ENV{VPNLINT_WIN_DEPS}" STREQUAL "")
    set(VPNLINT_WIN_DEPS "$ENV{VPNLINT_WIN_DEPS}")
  elseif(DEFINED ENV{XDG_CACHE_HOME} AND NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
    set(VPNLINT_WIN_DEPS "$ENV{XDG_CACHE_HOME}/vpnlint/win-deps")
  else()
    set(VPNLINT_WIN_DEPS "$ENV{HOME}/.cache/vpnlint/win-deps")
  endif()
endif()
set(VPNLINT_WIN_DEPS "${VPNLINT_WIN_DEPS}" CACHE PATH "root of the Windows dependency cache")
set(VPNLINT_WIN_DEPS_PREFIX "${VPNLINT_WIN_DEPS}/${VPNLINT_MINGW_TRIPLET}")
# The toolchain file is read again by try_compile: pass the variable on.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES VPNLINT_WIN_DEPS)

set(CMAKE_FIND_ROOT_PATH "${VPNLINT_WIN_DEPS_PREFIX}" /usr/${VPNLINT_MINGW_TRIPLET})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# Never let the host's pkg-config answer for the target.
set(ENV{PKG_CONFIG_LIBDIR} "${VPNLINT_WIN_DEPS_PREFIX}/lib/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")
# Windows 7+ APIs; Unicode Win32 calls are spelled out (…W) in the code.
set(CMAKE_C_FLAGS_INIT "-D_WIN32_WINNT=0x0601 -D__USE_MINGW_ANSI_STDIO=1")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-static -static-libgcc")
set(CMAKE_MODULE_LINKER_FLAGS_INIT "-static -static-libgcc")

find_program(VPNLINT_WINE NAMES wine wine64 wine-stable)
if(VPNLINT_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${VPNLINT_WINE}")
endif()
