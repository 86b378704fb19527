# SPDX-License-Identifier: MIT
# Debian's xapian-config.cmake only sets XAPIAN_LIBRARIES and XAPIAN_INCLUDE_DIR:
# wrap them as the imported target Xapian::Xapian.
find_package(xapian 1.4.22 CONFIG REQUIRED)
if(NOT TARGET Xapian::Xapian)
  add_library(Xapian::Xapian INTERFACE IMPORTED)
  set_target_properties(Xapian::Xapian PROPERTIES
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}"
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}")
endif()
