# Cross toolchain: Windows x86_64 with mingw-w64 (see mingw-common.cmake).
set(CMAKE_SYSTEM_PROCESSOR AMD64)
set(VPNLINT_MINGW_TRIPLET x86_64-w64-mingw32)
include("${CMAKE_CURRENT_LIST_DIR}/mingw-common.cmake")
