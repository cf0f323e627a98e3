# Windows: NSIS and WiX installers plus a .zip, with Qt and OpenSSL deployed next to the
# programs. Not built on Linux; included from packaging/CMakeLists.txt only if(WIN32).

# The executable's icon comes from the same SVG as the Linux icons (rendered by
# syncdeck-iconrender into syncdeck.ico).
configure_file("${CMAKE_CURRENT_SOURCE_DIR}/windows/syncdeck.rc.in" syncdeck.rc @ONLY)
target_sources(syncdeck PRIVATE "${CMAKE_CURRENT_BINARY_DIR}/syncdeck.rc")
set_source_files_properties("${CMAKE_CURRENT_BINARY_DIR}/syncdeck.rc" PROPERTIES
    OBJECT_DEPENDS "${SYNCDECK_ICON_ICO}")
add_dependencies(syncdeck syncdeck-icons)

# Qt's deploy script (windeployqt underneath) copies the Qt DLLs and plugins at install time.
# Qt 6.5 replaced FILENAME_VARIABLE with OUTPUT_SCRIPT; Qt 6.3 and 6.4 have only the former.
if(Qt6Core_VERSION VERSION_GREATER_EQUAL 6.5)
    qt_generate_deploy_app_script(TARGET syncdeck OUTPUT_SCRIPT _syncdeck_deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT "${_syncdeck_deploy_script}")
elseif(Qt6Core_VERSION VERSION_GREATER_EQUAL 6.3)
    qt_generate_deploy_app_script(TARGET syncdeck FILENAME_VARIABLE _syncdeck_deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT "${_syncdeck_deploy_script}")
else()
    message(WARNING "Qt ${Qt6Core_VERSION} has no deploy script: the Windows installers will "
        "lack the Qt DLLs. Use Qt 6.3 or newer, or run windeployqt on the install tree.")
endif()

# OpenSSL is linked, not a Qt plugin, so windeployqt does not copy it.
get_filename_component(_openssl_bin "${OPENSSL_INCLUDE_DIR}/../bin" ABSOLUTE)
find_file(SYNCDECK_OPENSSL_CRYPTO_DLL
    NAMES libcrypto-3-x64.dll libcrypto-3-arm64.dll libcrypto-3.dll
    HINTS "${_openssl_bin}" "${OPENSSL_ROOT_DIR}/bin")
if(SYNCDECK_OPENSSL_CRYPTO_DLL)
    install(FILES "${SYNCDECK_OPENSSL_CRYPTO_DLL}" DESTINATION ${CMAKE_INSTALL_BINDIR})
else()
    message(WARNING "libcrypto-3 DLL not found next to ${OPENSSL_INCLUDE_DIR}: the installers "
        "will need OpenSSL 3 installed separately. Set SYNCDECK_OPENSSL_CRYPTO_DLL to ship it.")
endif()

set(CPACK_GENERATOR NSIS WIX ZIP)
set(CPACK_PACKAGE_FILE_NAME "SyncDeck-${PROJECT_VERSION}-win64")

set(CPACK_NSIS_PACKAGE_NAME "SyncDeck")
set(CPACK_NSIS_DISPLAY_NAME "SyncDeck ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON "${SYNCDECK_ICON_ICO}")
set(CPACK_NSIS_MUI_UNIICON "${SYNCDECK_ICON_ICO}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\syncdeck.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# syncdeck-cli and syncdeck-emulator are command line tools: offer to put them on PATH.
set(CPACK_NSIS_MODIFY_PATH ON)

# The upgrade code never changes: it is how Windows Installer knows a newer SyncDeck replaces
# an installed one instead of sitting beside it.
set(CPACK_WIX_UPGRADE_GUID "4B49DA1B-3364-46B8-8431-C5EB57C55F71")
set(CPACK_WIX_PRODUCT_ICON "${SYNCDECK_ICON_ICO}")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "SyncDeck")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_WIX_PROPERTY_ARPHELPLINK "${PROJECT_HOMEPAGE_URL}")
