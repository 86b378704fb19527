# SPDX-License-Identifier: MIT
# seisaku_options: an INTERFACE target every seisaku target links, carrying warnings and
# sanitizer flags, so no global CMAKE_CXX_FLAGS are needed.
add_library(seisaku_options INTERFACE)
target_compile_options(seisaku_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow)
if(SEISAKU_WARNINGS_AS_ERRORS)
  target_compile_options(seisaku_options INTERFACE -Werror)
endif()
if(SEISAKU_SANITIZE)
  target_compile_options(seisaku_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(seisaku_options INTERFACE -fsanitize=address,undefined)
endif()
