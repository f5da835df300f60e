# Cross toolchain: Windows i686 with mingw-w64 (see mingw-common.cmake).
set(CMAKE_SYSTEM_PROCESSOR x86)
set(VPNLINT_MINGW_TRIPLET i686-w64-mingw32)
include("${CMAKE_CURRENT_LIST_DIR}/mingw-common.cmake")
