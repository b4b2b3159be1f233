/* kw-aws-ini.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-aws-config-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The INI dialect is the one botocore reads through Python's RawConfigParser,
 * so that a file the AWS CLI accepts means the same here:
 *
 *  - "key = value" or "key: value", split at the first '=' or ':'; keys are
 *    lower-cased as RawConfigParser does, values keep their case;
 *  - full-line comments start with '#' or ';'. Inline " ; text" is kept as
 *    part of the value, exactly as botocore keeps it;
 *  - a line indented deeper than the setting above continues it. Under an
 *    empty "key =" the indented lines are "name = value" sub-settings (the
 *    [services] sections use them); under a non-empty value they are joined
 *    to it with newlines;
 *  - a repeated section or a repeated key within a section is an error, as
 *    RawConfigParser's strict mode makes it.
 *
 * Error messages name the file and line but never quote the line: it may be
 * a secret key with a typo in it. */

typedef struct
{
  char       *value;        /* NULL once it has become a block of sub-settings */
  GHashTable *sub;          /* sub-key → value */
  int         line;
  guint       blank_lines;  /* since the last line of the value */
} IniValue;

typedef struct
{
  char       *name;
  GHashTable *values;       /* key → IniValue */
  int         line;
} IniSection;

struct _KwAwsIni
{
  GPtrArray  *sections;     /* IniSection, in file order */
  GHashTable *by_name;      /* name → IniSection, borrowed from sections */
};

typedef struct
{
  const char *path;
  KwAwsIni   *ini;
  IniSection *section;
  IniValue   *value;        /* the setting that indented lines continue */
  gsize       indent_level;
  int         line;
} Parser;

/* The credentials file holds secret keys; like KwAwsCredentials, the parsed
 * values are overwritten before their memory goes back to the allocator. */
static void
wipe_string (char *str)
{
  if (str != NULL)
    {
      explicit_bzero (str, strlen (str));
      g_free (str);
    }
}

static void
ini_value_free (IniValue *value)
{
  wipe_string (value->value);
  g_clear_pointer (&value->sub, g_hash_table_unref);
  g_free (value);
}

static void
ini_section_free (IniSection *section)
{
  g_free (section->name);
  g_hash_table_unref (section->values);
  g_free (section);
}

static KwAwsIni *
kw_aws_ini_new (void)
{
  KwAwsIni *ini = g_new0 (KwAwsIni, 1);

  ini->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) ini_section_free);
  ini->by_name = g_hash_table_new (g_str_hash, g_str_equal);

  return ini;
}

void
kw_aws_ini_free (KwAwsIni *ini)
{
  if (ini == NULL)
    return;

  g_hash_table_unref (ini->by_name);
  g_ptr_array_unref (ini->sections);
  g_free (ini);
}

static gboolean G_GNUC_PRINTF (3, 4)
parse_error (Parser      *parser,
             GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_PARSE,
               "%s, line %d: %s", parser->path, parser->line, reason);

  return FALSE;
}

static void
trim (const char **start,
      const char **end)
{
  while (*start < *end && g_ascii_isspace (**start))
    (*start)++;
  while (*end > *start && g_ascii_isspace ((*end)[-1]))
    (*end)--;
}

static gboolean
parse_header (Parser      *parser,
              const char  *start,
              const char  *end,
              GError     **error)
{
  const char *close = memchr (start, ']', end - start);
  const char *after;
  IniSection *section;
  IniSection *previous;
  g_autofree char *name = NULL;

  /* Only a comment may follow the header; anything else is more likely a
   * setting that lost its line break than something to ignore. */
  after = close != NULL ? close + 1 : end;
  while (after < end && g_ascii_isspace (*after))
    after++;

  if (close == NULL || close == start + 1 ||
      (after < end && *after != '#' && *after != ';'))
    return parse_error (parser, error, "expected a [section] header closed by “]”");

  name = g_strndup (start + 1, close - start - 1);
  previous = g_hash_table_lookup (parser->ini->by_name, name);
  if (previous != NULL)
    return parse_error (parser, error, "this [section] header repeats the one on line %d",
                        previous->line);

  section = g_new0 (IniSection, 1);
  section->name = g_steal_pointer (&name);
  section->values = g_hash_table_new_full (g_str_hash, g_str_equal,
                                           g_free, (GDestroyNotify) ini_value_free);
  section->line = parser->line;
  g_ptr_array_add (parser->ini->sections, section);
  g_hash_table_insert (parser->ini->by_name, section->name, section);
  parser->section = section;

  return TRUE;
}

static gboolean
parse_setting (Parser      *parser,
               const char  *start,
               const char  *end,
               GError     **error)
{
  const char *delimiter = start;
  const char *key_end;
  const char *value_start;
  IniValue *previous;
  IniValue *value;
  g_autofree char *key = NULL;

  while (delimiter < end && *delimiter != '=' && *delimiter != ':')
    delimiter++;

  key_end = delimiter;
  trim (&start, &key_end);
  if (delimiter == end || start == key_end)
    return parse_error (parser, error, "expected “key = value” or a [section] header");

  value_start = delimiter + 1;
  trim (&value_start, &end);

  key = g_ascii_strdown (start, key_end - start);
  previous = g_hash_table_lookup (parser->section->values, key);
  if (previous != NULL)
    return parse_error (parser, error, "this setting repeats the one on line %d in the same section",
                        previous->line);

  value = g_new0 (IniValue, 1);
  value->value = g_strndup (value_start, end - value_start);
  value->line = parser->line;
  g_hash_table_insert (parser->section->values, g_steal_pointer (&key), value);
  parser->value = value;

  return TRUE;
}

static gboolean
parse_continuation (Parser      *parser,
                    const char  *start,
                    const char  *end,
                    GError     **error)
{
  IniValue *value = parser->value;

  if (value->sub == NULL && value->value[0] == '\0')
    {
      g_clear_pointer (&value->value, g_free);
      value->sub = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) wipe_string);
    }

  if (value->sub != NULL)
    {
      /* botocore splits sub-settings at '=' only and keeps the key's case. */
      const char *equals = memchr (start, '=', end - start);
      const char *key_end = equals;
      const char *value_start;

      if (equals == NULL)
        return parse_error (parser, error, "expected an indented “key = value” sub-setting");

      trim (&start, &key_end);
      if (start == key_end)
        return parse_error (parser, error, "expected an indented “key = value” sub-setting");

      value_start = equals + 1;
      trim (&value_start, &end);
      g_hash_table_replace (value->sub,
                            g_strndup (start, key_end - start),
                            g_strndup (value_start, end - value_start));
    }
  else
    {
      g_autoptr(GString) joined = g_string_new (value->value);

      for (guint i = 0; i <= value->blank_lines; i++)
        g_string_append_c (joined, '\n');
      g_string_append_len (joined, start, end - start);
      wipe_string (value->value);
      value->value = g_string_free (g_steal_pointer (&joined), FALSE);
    }

  value->blank_lines = 0;

  return TRUE;
}

static gboolean
parse_line (Parser      *parser,
            const char  *line,
            const char  *end,
            GError     **error)
{
  const char *start = line;
  gsize indent;

  trim (&start, &end);
  indent = start - line;

  /* Blank lines and comments do not end a value: sub-settings may be spaced
   * out or commented. */
  if (start == end)
    {
      if (parser->value != NULL)
        parser->value->blank_lines++;
      return TRUE;
    }

  if (*start == '#' || *start == ';')
    return TRUE;

  if (parser->value != NULL && indent > parser->indent_level)
    return parse_continuation (parser, start, end, error);

  parser->indent_level = indent;
  parser->value = NULL;

  if (*start == '[')
    return parse_header (parser, start, end, error);

  if (parser->section == NULL)
    return parse_error (parser, error, "expected a [section] header before the first setting");

  return parse_setting (parser, start, end, error);
}

/**
 * kw_aws_ini_parse:
 * @path_for_messages: the file name to put in error messages
 * @data: the file's contents
 * @len: the length of @data
 * @error: return location for a %KW_AWS_CONFIG_ERROR_PARSE error
 *
 * Parses an AWS config or credentials file. @data need not be nul-terminated
 * and may hold any bytes; invalid UTF-8 and nul bytes are errors.
 *
 * Returns: (transfer full): the parsed file, or %NULL
 */
KwAwsIni *
kw_aws_ini_parse (const char  *path_for_messages,
                  const char  *data,
                  gsize        len,
                  GError     **error)
{
  g_autoptr(KwAwsIni) ini = kw_aws_ini_new ();
  Parser parser = { path_for_messages, ini, NULL, NULL, 0, 0 };
  const char *end = data + len;
  const char *p = data;

  g_return_val_if_fail (path_for_messages != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len == 0)
    return g_steal_pointer (&ini);

  /* Editors on Windows like to start UTF-8 files with a byte order mark. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  /* Python reads with universal newlines: "\n", "\r\n" and a lone "\r". */
  while (p < end)
    {
      const char *eol = p;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;

      parser.line++;
      if (!g_utf8_validate_len (p, eol - p, NULL))
        {
          parse_error (&parser, error, "not valid UTF-8 text");
          return NULL;
        }

      if (!parse_line (&parser, p, eol, error))
        return NULL;

      if (eol == end)
        break;
      if (*eol == '\r' && eol + 1 < end && eol[1] == '\n')
        eol++;
      p = eol + 1;
    }

  return g_steal_pointer (&ini);
}

guint
kw_aws_ini_get_n_sections (const KwAwsIni *ini)
{
  g_return_val_if_fail (ini != NULL, 0);

  return ini->sections->len;
}

gboolean
kw_aws_ini_has_section (const KwAwsIni *ini,
                        const char     *section)
{
  g_return_val_if_fail (ini != NULL, FALSE);
  g_return_val_if_fail (section != NULL, FALSE);

  return g_hash_table_contains (ini->by_name, section);
}

const char *
kw_aws_ini_get_section_name (const KwAwsIni *ini,
                             guint           index)
{
  const IniSection *section;

  g_return_val_if_fail (ini != NULL, NULL);
  g_return_val_if_fail (index < ini->sections->len, NULL);

  section = g_ptr_array_index (ini->sections, index);

  return section->name;
}

static const IniValue *
ini_lookup_value (const KwAwsIni *ini,
                  const char     *section_name,
                  const char     *key)
{
  const IniSection *section;
  g_autofree char *folded = NULL;

  section = g_hash_table_lookup (ini->by_name, section_name);
  if (section == NULL)
    return NULL;

  folded = g_ascii_strdown (key, -1);

  return g_hash_table_lookup (section->values, folded);
}

/**
 * kw_aws_ini_lookup:
 *
 * Returns: (nullable): the value of @key in @section, or %NULL when either is
 *   missing or @key holds sub-settings
 */
const char *
kw_aws_ini_lookup (const KwAwsIni *ini,
                   const char     *section,
                   const char     *key)
{
  const IniValue *value;

  g_return_val_if_fail (ini != NULL, NULL);
  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  value = ini_lookup_value (ini, section, key);

  return value != NULL ? value->value : NULL;
}

/**
 * kw_aws_ini_lookup_sub:
 *
 * Returns: (nullable): the sub-setting @sub_key under "@key =" in @section
 */
const char *
kw_aws_ini_lookup_sub (const KwAwsIni *ini,
                       const char     *section,
                       const char     *key,
                       const char     *sub_key)
{
  const IniValue *value;

  g_return_val_if_fail (ini != NULL, NULL);
  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (sub_key != NULL, NULL);

  value = ini_lookup_value (ini, section, key);
  if (value == NULL || value->sub == NULL)
    return NULL;

  return g_hash_table_lookup (value->sub, sub_key);
}

/* Reads through a stack buffer into @contents, which the caller sized for
 * the whole file so that it is not reallocated (leaving unwiped copies
 * behind) on the way. */
static gboolean
read_all (int          fd,
          const char  *path,
          GString     *contents,
          GError     **error)
{
  char buffer[16384];
  gboolean ok = TRUE;

  for (;;)
    {
      gssize n = read (fd, buffer, sizeof buffer);
      int saved_errno = errno;

      if (n < 0 && saved_errno == EINTR)
        continue;

      if (n < 0)
        {
          g_set_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_READ,
                       "Could not read %s: %s", path, g_strerror (saved_errno));
          ok = FALSE;
          break;
        }

      if (n == 0)
        break;

      if (contents->len + n > KW_AWS_CONFIG_MAX_FILE_SIZE)
        {
          g_set_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_READ,
                       "Could not read %s: it is larger than 1 MiB, which no "
                       "AWS config or credentials file should be", path);
          ok = FALSE;
          break;
        }

      g_string_append_len (contents, buffer, n);
    }

  explicit_bzero (buffer, sizeof buffer);

  return ok;
}

/**
 * kw_aws_ini_load:
 * @path: the file to read
 * @error: return location for a #KW_AWS_CONFIG_ERROR
 *
 * Reads and parses @path. A missing file is an empty one, as for the AWS
 * CLI. A file that exists but cannot be read is an error, whoever named it:
 * silently ignoring it would leave the person wondering where their settings
 * went. Files over %KW_AWS_CONFIG_MAX_FILE_SIZE are refused.
 *
 * Returns: (transfer full): the parsed file, or %NULL
 */
KwAwsIni *
kw_aws_ini_load (const char  *path,
                 GError     **error)
{
  KwAwsIni *ini = NULL;
  GString *contents;
  struct stat st = { 0, };  /* a failed fstat() leaves a plain stream to read */
  gsize size_hint;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        return kw_aws_ini_new ();

      g_set_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_READ,
                   "Could not read %s: %s", path, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_close (fd, NULL);
      g_set_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_READ,
                   "Could not read %s: it is a folder, not a file", path);
      return NULL;
    }

  /* Reading in chunks rather than by st_size lets a pipe
   * (AWS_CONFIG_FILE=<(…)) work too, and a huge file is never read whole. */
  if (S_ISREG (st.st_mode) && st.st_size < KW_AWS_CONFIG_MAX_FILE_SIZE)
    size_hint = st.st_size + 1;
  else
    size_hint = 65536;

  contents = g_string_sized_new (size_hint);
  if (read_all (fd, path, contents, error))
    ini = kw_aws_ini_parse (path, contents->str, contents->len, error);

  g_close (fd, NULL);
  explicit_bzero (contents->str, contents->allocated_len);
  g_string_free (contents, TRUE);

  return ini;
}
