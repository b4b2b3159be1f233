/* kw-aws-config.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "kw-aws-credentials.h"

G_BEGIN_DECLS

#define KW_AWS_CONFIG_ERROR (kw_aws_config_error_quark ())

typedef enum
{
  KW_AWS_CONFIG_ERROR_PARSE,              /* a file is malformed; the message names file and line */
  KW_AWS_CONFIG_ERROR_PROFILE_NOT_FOUND,  /* the named profile is in neither file */
  KW_AWS_CONFIG_ERROR_INCOMPLETE,         /* e.g. an access key id without its secret */
  KW_AWS_CONFIG_ERROR_UNSUPPORTED,        /* role_arn, sso_session, credential_process, … */
  KW_AWS_CONFIG_ERROR_NO_REGION,
  KW_AWS_CONFIG_ERROR_INVALID_REGION,
  KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT,   /* not a URL, or plain http to a non-loopback host */
  KW_AWS_CONFIG_ERROR_READ,               /* a named file exists but cannot be read */
} KwAwsConfigError;

/* What a person passed on the command line; every field may be NULL. */
typedef struct
{
  const char *profile;        /* --profile */
  const char *region;         /* --region */
  const char *endpoint_url;   /* --endpoint-url */
} KwAwsOverrides;

/* The settings resolved the way the AWS CLI resolves them. */
typedef struct
{
  char             *profile;       /* the profile in use ("default" when none was named) */
  char             *region;        /* nullable: no region anywhere */
  char             *endpoint_url;  /* nullable: no override anywhere */
  gboolean          use_fips;      /* AWS_USE_FIPS_ENDPOINT / use_fips_endpoint */
  KwAwsCredentials *credentials;   /* nullable: none found (fine for unsigned calls) */
  GError           *credentials_error; /* nullable: why the credentials found cannot be used */
} KwAwsSettings;

GQuark         kw_aws_config_error_quark (void);

KwAwsSettings *kw_aws_settings_resolve   (const KwAwsOverrides *overrides,
                                          const char * const   *envp,
                                          GError              **error);
void           kw_aws_settings_free      (KwAwsSettings        *settings);

/* Profile names from the config and credentials files, sorted, for a chooser. */
char         **kw_aws_config_list_profiles (const char * const *envp,
                                            GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwAwsSettings, kw_aws_settings_free)

G_END_DECLS
