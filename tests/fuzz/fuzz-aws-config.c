/* fuzz-aws-config.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-aws-config-private.h"

#include <string.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* Feeds arbitrary bytes to the parser that reads ~/.aws/config and
 * ~/.aws/credentials, then walks the result the way the resolver does, so a
 * parse that "succeeds" with a broken structure is caught as well. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char * const keys[] = {
    "region", "aws_access_key_id", "services", "cognito_identity_provider", "endpoint_url",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KwAwsIni) ini = NULL;

  if (size > KW_AWS_CONFIG_MAX_FILE_SIZE)
    return 0;

  ini = kw_aws_ini_parse ("fuzz", (const char *) data, size, &error);

  if (ini == NULL)
    {
      /* Every refusal is a parse error that names the file and a line. */
      g_assert (error != NULL);
      g_assert (error->domain == KW_AWS_CONFIG_ERROR);
      g_assert (error->code == KW_AWS_CONFIG_ERROR_PARSE);
      g_assert (g_str_has_prefix (error->message, "fuzz, line "));
      return 0;
    }

  g_assert (error == NULL);

  for (guint i = 0; i < kw_aws_ini_get_n_sections (ini); i++)
    {
      const char *section = kw_aws_ini_get_section_name (ini, i);

      g_assert (section != NULL && *section != '\0');
      g_assert (g_utf8_validate (section, -1, NULL));
      g_assert (kw_aws_ini_has_section (ini, section));

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          const char *value = kw_aws_ini_lookup (ini, section, keys[k]);
          const char *sub = kw_aws_ini_lookup_sub (ini, section, keys[k], "endpoint_url");

          /* A key holds either a value or sub-settings, never both. */
          g_assert (value == NULL || sub == NULL);
          if (value != NULL)
            g_assert (g_utf8_validate (value, -1, NULL));
          if (sub != NULL)
            g_assert (g_utf8_validate (sub, -1, NULL));
        }
    }

  return 0;
}
