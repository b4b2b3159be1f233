/* kw-aws-config-private.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-aws-config.h"

G_BEGIN_DECLS

/* Larger files are refused unread: real ones are a few kilobytes. */
#define KW_AWS_CONFIG_MAX_FILE_SIZE (1024 * 1024)

/* One parsed INI file (~/.aws/config or ~/.aws/credentials), implemented in
 * kw-aws-ini.c. Shared with kw-aws-config.c, the tests and the fuzz target;
 * the rest of the app goes through kw_aws_settings_resolve(). */
typedef struct _KwAwsIni KwAwsIni;

KwAwsIni   *kw_aws_ini_parse            (const char     *path_for_messages,
                                         const char     *data,
                                         gsize           len,
                                         GError        **error);
KwAwsIni   *kw_aws_ini_load             (const char     *path,
                                         GError        **error);
void        kw_aws_ini_free             (KwAwsIni       *ini);
guint       kw_aws_ini_get_n_sections   (const KwAwsIni *ini);
const char *kw_aws_ini_get_section_name (const KwAwsIni *ini,
                                         guint           index);
gboolean    kw_aws_ini_has_section      (const KwAwsIni *ini,
                                         const char     *section);
const char *kw_aws_ini_lookup           (const KwAwsIni *ini,
                                         const char     *section,
                                         const char     *key);
const char *kw_aws_ini_lookup_sub       (const KwAwsIni *ini,
                                         const char     *section,
                                         const char     *key,
                                         const char     *sub_key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwAwsIni, kw_aws_ini_free)

G_END_DECLS
