# Every message with a count (tr("… %n …", nullptr, n)) needs its English singular and plural
# in resources/translations/syncdeck_en.ts: without them Qt shows the source text for every
# count ("1 rows"). lupdate reads the dashboard's sources now (what the build embeds) and every
# counted message it finds must be in the committed file with two forms filled in.
#
# -DLUPDATE=lupdate -DTS=committed .ts -DSOURCES=file listing the sources -DWORK=scratch folder
cmake_minimum_required(VERSION 3.24)
foreach(v LUPDATE TS SOURCES WORK)
    if(NOT ${v})
        message(FATAL_ERROR "check_translations: -D${v}= is missing")
    endif()
endforeach()
file(MAKE_DIRECTORY "${WORK}")
set(current "${WORK}/current.ts")
file(REMOVE "${current}")
execute_process(COMMAND "${LUPDATE}" -silent -no-obsolete -locations none "@${SOURCES}"
                        -ts "${current}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT EXISTS "${current}")
    message(FATAL_ERROR "lupdate failed (${rc}): ${out}${err}")
endif()

# ";" would split CMake lists: "%semicolon%" stands for it while parsing.
function(read_ts path out)
    file(READ "${path}" text)
    string(REPLACE ";" "%semicolon%" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()
read_ts("${current}" now)
read_ts("${TS}" committed)

string(REGEX MATCHALL "<message numerus=\"yes\">[ \t\r\n]*<source>[^<]*</source>" wanted "${now}")
set(complete "")
set(block_re "<message numerus=\"yes\">[ \t\r\n]*<source>([^<]*)</source>[ \t\r\n]*<translation[^>]*>[ \t\r\n]*<numerusform>([^<]*)</numerusform>[ \t\r\n]*<numerusform>([^<]*)</numerusform>")
string(REGEX MATCHALL "${block_re}" blocks "${committed}")
foreach(block IN LISTS blocks)
    string(REGEX MATCH "${block_re}" _ "${block}")
    # An empty group leaves CMAKE_MATCH_<n> unset: compare the quoted values.
    if(NOT "${CMAKE_MATCH_2}" STREQUAL "" AND NOT "${CMAKE_MATCH_3}" STREQUAL "")
        list(APPEND complete "${CMAKE_MATCH_1}")
    endif()
endforeach()

set(missing "")
set(count 0)
foreach(message IN LISTS wanted)
    string(REGEX REPLACE ".*<source>([^<]*)</source>" "\\1" source "${message}")
    math(EXPR count "${count} + 1")
    list(FIND complete "${source}" at)
    if(at EQUAL -1)
        string(REPLACE "%semicolon%" ";" shown "${source}")
        string(APPEND missing "\n  ${shown}")
    endif()
endforeach()
if(count EQUAL 0)
    message(FATAL_ERROR "lupdate found no message with a count: the source list is wrong")
endif()
if(NOT missing STREQUAL "")
    message(FATAL_ERROR "These messages with a count have no English singular and plural in "
        "${TS}. Run `cmake --build --preset dev --target update_translations`, then fill in "
        "both <numerusform> of each:${missing}")
endif()
message(STATUS "${count} messages with a count, each with its singular and plural")
