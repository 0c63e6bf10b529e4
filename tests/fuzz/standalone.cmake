# For tests/fuzz/run.sh: adds the fuzz targets to a build whose
# tests/CMakeLists.txt does not add tests/fuzz (yet). Passed as
# -DCMAKE_PROJECT_INCLUDE=...; tests/fuzz/CMakeLists.txt is include()d at the
# end of the top-level CMakeLists.txt, when the galley libraries exist, and
# ignores a second inclusion. (Arguments of a deferred call are expanded when
# it runs, so the path is fixed here first.)
set(_galley_fuzz_lists "${CMAKE_CURRENT_LIST_DIR}/CMakeLists.txt")
cmake_language(EVAL CODE "cmake_language(DEFER DIRECTORY [[${CMAKE_SOURCE_DIR}]] CALL include [[${_galley_fuzz_lists}]])")
