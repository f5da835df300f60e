# Finds libxml2, cJSON and cmocka and normalises each into one imported target:
# LibXml2::LibXml2, vpnlint::cjson, vpnlint::cmocka.
find_package(LibXml2 REQUIRED)
find_package(PkgConfig QUIET)

if(NOT TARGET vpnlint::cjson)
  find_package(cJSON CONFIG QUIET)
  if(TARGET cjson)
    add_library(vpnlint::cjson ALIAS cjson)
  else()
    find_path(CJSON_INCLUDE_DIR cjson/cJSON.h REQUIRED)
    find_library(CJSON_LIBRARY NAMES cjson REQUIRED)
    add_library(vpnlint::cjson UNKNOWN IMPORTED)
    set_target_properties(vpnlint::cjson PROPERTIES IMPORTED_LOCATION "${CJSON_LIBRARY}"
                          INTERFACE_INCLUDE_DIRECTORIES "${CJSON_INCLUDE_DIR}")
  endif()
endif()

if(VPNLINT_BUILD_TESTS AND NOT TARGET vpnlint::cmocka)
  find_path(CMOCKA_INCLUDE_DIR cmocka.h REQUIRED)
  find_library(CMOCKA_LIBRARY NAMES cmocka REQUIRED)
  add_library(vpnlint::cmocka UNKNOWN IMPORTED)
  set_target_properties(vpnlint::cmocka PROPERTIES IMPORTED_LOCATION "${CMOCKA_LIBRARY}"
                        INTERFACE_INCLUDE_DIRECTORIES "${CMOCKA_INCLUDE_DIR}")
endif()
