/* test-bulk-csv.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-csv.h"
#include "kw-test-utils.h"

#include <glib/gstdio.h>
#include <string.h>

/* What "fast" means for a hundred thousand rows: immediate to a person.
 * Under AddressSanitizer every allocation records its stack, which says
 * nothing about the parser, so the bound only catches a runaway there. */
#if defined(__SANITIZE_ADDRESS__)
#define LARGE_FILE_SECONDS 60.0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LARGE_FILE_SECONDS 60.0
#endif
#endif
#ifndef LARGE_FILE_SECONDS
#define LARGE_FILE_SECONDS 2.0
#endif

static KwBulkCsv *
parse (const char  *text,
       GError     **error)
{
  return kw_bulk_csv_parse (text, strlen (text), error);
}

static KwBulkCsvRow *
row_at (KwBulkCsv *csv,
        guint      position)
{
  KwBulkCsvRow *row = g_list_model_get_item (G_LIST_MODEL (csv), position);

  g_assert_nonnull (row);
  /* The list holds its own reference. */
  g_object_unref (row);
  return row;
}

static void
assert_row (KwBulkCsv       *csv,
            guint            position,
            guint            line,
            const char      *username,
            KwBulkCsvStatus  status)
{
  KwBulkCsvRow *row = row_at (csv, position);

  g_assert_cmpuint (kw_bulk_csv_row_get_line (row), ==, line);
  g_assert_cmpstr (kw_bulk_csv_row_get_username (row), ==, username);
  g_assert_cmpint (kw_bulk_csv_row_get_status (row), ==, status);
}

static void
test_first_column (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkCsv) csv = parse ("jane,jane@example.com\nsam,sam@example.com\n", &error);
  g_auto(GStrv) usernames = NULL;
  static const char * const expected[] = { "jane", "sam", NULL };

  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (csv)) == KW_TYPE_BULK_CSV_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (csv)), ==, 2);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (csv), 2));
  g_assert_false (kw_bulk_csv_get_has_header (csv));
  g_assert_cmpuint (kw_bulk_csv_get_column (csv), ==, 0);
  assert_row (csv, 0, 1, "jane", KW_BULK_CSV_ROW_OK);
  assert_row (csv, 1, 2, "sam", KW_BULK_CSV_ROW_OK);
  g_assert_cmpuint (kw_bulk_csv_get_n_to_reset (csv), ==, 2);

  usernames = kw_bulk_csv_dup_usernames (csv);
  g_assert_true (g_strv_equal ((const char * const *) usernames, expected));
}

static void
test_header (void)
{
  static const struct {
    const char *text;
    guint       column;
  } cases[] = {
    { "email,username\njane@example.com,jane\n", 1 },
    { "Email,UserName\njane@example.com,jane\n", 1 },
    { "USERNAME\njane\n", 0 },
    { "id,User Name,phone\n1,jane,+1555\n", 1 },
    { "id,user_name\n1,jane\n", 1 },
    { "\"email\",\" Username \"\njane@example.com,jane\n", 1 },
    /* The column name of Cognito's own user export. */
    { "name,given_name,cognito:username,email\nJane,Jane,jane,j@example.com\n", 2 },
    /* Blank lines before the header. */
    { "\n\nusername\njane\n", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KwBulkCsv) csv = parse (cases[i].text, &error);
      gboolean has_header = FALSE;
      guint column = 99;

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_object_get (csv, "has-header", &has_header, "column", &column, NULL);
      g_assert_true (has_header);
      g_assert_cmpuint (column, ==, cases[i].column);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (csv)), ==, 1);
      g_assert_cmpstr (kw_bulk_csv_row_get_username (row_at (csv, 0)), ==, "jane");
      g_assert_cmpint (kw_bulk_csv_row_get_status (row_at (csv, 0)), ==, KW_BULK_CSV_ROW_OK);
    }
}

/* A first row without a username cell is a row: the preview shows it. */
static void
test_no_header_first_row_is_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkCsv) csv = parse ("login,email\njane,j@example.com\n", &error);

  g_assert_no_error (error);
  g_assert_false (kw_bulk_csv_get_has_header (csv));
  assert_row (csv, 0, 1, "login", KW_BULK_CSV_ROW_OK);
  assert_row (csv, 1, 2, "jane", KW_BULK_CSV_ROW_OK);
}

static void
test_separators (void)
{
  static const struct {
    const char *text;
    const char *username;
  } cases[] = {
    { "email;username\njane@example.com;jane\n", "jane" },
    { "email\tusername\njane@example.com\tjane\n", "jane" },
    /* Without a header that proves otherwise, a comma: `;` is punctuation,
     * which a username may hold. */
    { "ja;ne\n", "ja;ne" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KwBulkCsv) csv = parse (cases[i].text, &error);
      guint last = g_list_model_get_n_items (G_LIST_MODEL (csv)) - 1;

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_cmpstr (kw_bulk_csv_row_get_username (row_at (csv, last)), ==, cases[i].username);
      g_assert_cmpint (kw_bulk_csv_row_get_status (row_at (csv, last)), ==, KW_BULK_CSV_ROW_OK);
    }
}

static void
test_quoting (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkCsv) csv =
    parse ("\"jane\",\"a, b\"\n"
           "\"sa\"\"m\",x\n"
           "\"multi\nline\",x\n"
           "bob,\"note\non two lines\"\n"
           " \"spaced\" ,x\n"
           "\"ja\"ne,x\n"
           "ja\"ne,x\n"
           "\"\",x\n",
           &error);

  g_assert_no_error (error);
  assert_row (csv, 0, 1, "jane", KW_BULK_CSV_ROW_OK);
  assert_row (csv, 1, 2, "sa\"m", KW_BULK_CSV_ROW_OK);
  /* A line break is not something a username can hold. */
  assert_row (csv, 2, 3, "multi\nline", KW_BULK_CSV_ROW_INVALID);
  /* Line numbers count the lines inside quoted fields. */
  assert_row (csv, 3, 5, "bob", KW_BULK_CSV_ROW_OK);
  assert_row (csv, 4, 7, "spaced", KW_BULK_CSV_ROW_OK);
  /* Text after a closing quote, and a stray quote, are kept as text. */
  assert_row (csv, 5, 8, "jane", KW_BULK_CSV_ROW_DUPLICATE);
  assert_row (csv, 6, 9, "ja\"ne", KW_BULK_CSV_ROW_OK);
  assert_row (csv, 7, 10, "", KW_BULK_CSV_ROW_EMPTY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (csv)), ==, 8);
}

static void
test_line_ends_and_bom (void)
{
  static const char * const texts[] = {
    "\xef\xbb\xbfusername\r\njane\r\nsam\r\n",
    "username\rjane\rsam",
    "username\njane\r\nsam",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KwBulkCsv) csv = parse (texts[i], &error);

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_true (kw_bulk_csv_get_has_header (csv));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (csv)), ==, 2);
      assert_row (csv, 0, 2, "jane", KW_BULK_CSV_ROW_OK);
      assert_row (csv, 1, 3, "sam", KW_BULK_CSV_ROW_OK);
    }
}

static void
test_statuses (void)
{
  g_autofree char *longest = g_strnfill (128, 'a');
  g_autofree char *too_long = g_strnfill (129, 'b');
  g_autofree char *text =
    g_strdup_printf ("username,email\n"
                     "jane,j@example.com\n"
                     "  sam  ,s@example.com\n"
                     ",nobody@example.com\n"
                     "\n"
                     "   \n"
                     "john smith,js@example.com\n"
                     "jane,again@example.com\n"
                     "%s\n"
                     "%s\n"
                     "zoë\n"
                     "Jane\n"
                     "sam\n"
                     "tab\there\n",
                     longest, too_long);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkCsv) csv = parse (text, &error);
  g_auto(GStrv) usernames = NULL;
  guint n_to_reset, n_invalid, n_duplicates, n_empty;

  g_assert_no_error (error);
  assert_row (csv, 0, 2, "jane", KW_BULK_CSV_ROW_OK);
  assert_row (csv, 1, 3, "sam", KW_BULK_CSV_ROW_OK);
  assert_row (csv, 2, 4, "", KW_BULK_CSV_ROW_EMPTY);
  /* Blank lines 5 and 6 are not rows. */
  assert_row (csv, 3, 7, "john smith", KW_BULK_CSV_ROW_INVALID);
  assert_row (csv, 4, 8, "jane", KW_BULK_CSV_ROW_DUPLICATE);
  g_assert_cmpuint (kw_bulk_csv_row_get_duplicate_of (row_at (csv, 4)), ==, 2);
  g_assert_cmpuint (kw_bulk_csv_row_get_duplicate_of (row_at (csv, 0)), ==, 0);
  assert_row (csv, 5, 9, longest, KW_BULK_CSV_ROW_OK);
  assert_row (csv, 6, 10, too_long, KW_BULK_CSV_ROW_INVALID);
  assert_row (csv, 7, 11, "zoë", KW_BULK_CSV_ROW_OK);
  /* Case matters: a pool may be case-sensitive. */
  assert_row (csv, 8, 12, "Jane", KW_BULK_CSV_ROW_OK);
  assert_row (csv, 9, 13, "sam", KW_BULK_CSV_ROW_DUPLICATE);
  g_assert_cmpuint (kw_bulk_csv_row_get_duplicate_of (row_at (csv, 9)), ==, 3);
  assert_row (csv, 10, 14, "tab\there", KW_BULK_CSV_ROW_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (csv)), ==, 11);

  g_object_get (csv, "n-to-reset", &n_to_reset, "n-invalid", &n_invalid,
                "n-duplicates", &n_duplicates, "n-empty", &n_empty, NULL);
  g_assert_cmpuint (n_to_reset, ==, 5);
  g_assert_cmpuint (n_invalid, ==, 3);
  g_assert_cmpuint (n_duplicates, ==, 2);
  g_assert_cmpuint (n_empty, ==, 1);
  g_assert_cmpuint (kw_bulk_csv_get_n_to_reset (csv), ==, 5);
  g_assert_cmpuint (kw_bulk_csv_get_n_invalid (csv), ==, 3);
  g_assert_cmpuint (kw_bulk_csv_get_n_duplicates (csv), ==, 2);
  g_assert_cmpuint (kw_bulk_csv_get_n_empty (csv), ==, 1);

  usernames = kw_bulk_csv_dup_usernames (csv);
  g_assert_cmpuint (g_strv_length (usernames), ==, 5);
  g_assert_cmpstr (usernames[0], ==, "jane");
  g_assert_cmpstr (usernames[1], ==, "sam");
  g_assert_cmpstr (usernames[2], ==, longest);
  g_assert_cmpstr (usernames[3], ==, "zoë");
  g_assert_cmpstr (usernames[4], ==, "Jane");
}

/* A short row has no cell in the username column: skipped, and shown. */
static void
test_short_row (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkCsv) csv = parse ("email,username\na@example.com\nb@example.com,bob\n",
                                    &error);

  g_assert_no_error (error);
  assert_row (csv, 0, 2, "", KW_BULK_CSV_ROW_EMPTY);
  assert_row (csv, 1, 3, "bob", KW_BULK_CSV_ROW_OK);
}

/* Every username invalid is still a preview, not an error: it says why. */
static void
test_all_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkCsv) csv = parse ("john smith\nmary jones\n", &error);
  g_auto(GStrv) usernames = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (kw_bulk_csv_get_n_to_reset (csv), ==, 0);
  g_assert_cmpuint (kw_bulk_csv_get_n_invalid (csv), ==, 2);
  usernames = kw_bulk_csv_dup_usernames (csv);
  g_assert_cmpuint (g_strv_length (usernames), ==, 0);
}

static void
test_errors (void)
{
  static const struct {
    const char     *text;
    gsize           length;   /* 0: strlen */
    KwBulkCsvError  code;
    guint           line;
  } cases[] = {
    { "", 0, KW_BULK_CSV_ERROR_EMPTY, 0 },
    { "\xef\xbb\xbf", 0, KW_BULK_CSV_ERROR_EMPTY, 0 },
    { "\n\r\n   \n\t\n", 0, KW_BULK_CSV_ERROR_EMPTY, 0 },
    { "jane\nsa\xffm\n", 0, KW_BULK_CSV_ERROR_NOT_UTF8, 2 },
    { "jane\nsam\n\xe9t\xe9\n", 0, KW_BULK_CSV_ERROR_NOT_UTF8, 3 },
    { "\xff\xfej\0a\0n\0e\0", 10, KW_BULK_CSV_ERROR_NOT_UTF8, 1 },
    { "\xfe\xff\0j\0a\0n\0e", 10, KW_BULK_CSV_ERROR_NOT_UTF8, 1 },
    { "jane\nsam\0bob\n", 13, KW_BULK_CSV_ERROR_NOT_UTF8, 2 },
    { "jane\n\"sam,x\nbob\n", 0, KW_BULK_CSV_ERROR_UNTERMINATED_QUOTE, 2 },
    { "jane\n\"sa\"\"m", 0, KW_BULK_CSV_ERROR_UNTERMINATED_QUOTE, 2 },
    { "\"", 0, KW_BULK_CSV_ERROR_UNTERMINATED_QUOTE, 1 },
    { "username\n", 0, KW_BULK_CSV_ERROR_NO_COLUMN, 1 },
    { "\nusername,email\n,a@example.com\n\n", 0, KW_BULK_CSV_ERROR_NO_COLUMN, 2 },
    { ",a@example.com\n  ,b@example.com\n", 0, KW_BULK_CSV_ERROR_NO_COLUMN, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize length = cases[i].length != 0 ? cases[i].length : strlen (cases[i].text);
      g_autoptr(KwBulkCsv) csv = kw_bulk_csv_parse (cases[i].text, length, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "no error");
      g_assert_null (csv);
      g_assert_error (error, KW_BULK_CSV_ERROR, (int) cases[i].code);
      g_assert_cmpuint (kw_bulk_csv_error_get_line (error), ==, cases[i].line);
      if (cases[i].line > 0)
        {
          g_autofree char *prefix = g_strdup_printf ("Line %u: ", cases[i].line);

          g_assert_true (g_str_has_prefix (error->message, prefix));
        }
    }
}

static void
test_error_line_other_domain (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "other");

  g_assert_cmpuint (kw_bulk_csv_error_get_line (error), ==, 0);
}

static void
test_too_large (void)
{
  gsize length = KW_BULK_CSV_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (length);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkCsv) csv = NULL;

  memset (data, 'a', length);
  csv = kw_bulk_csv_parse (data, length, &error);
  g_assert_null (csv);
  g_assert_error (error, KW_BULK_CSV_ERROR, KW_BULK_CSV_ERROR_TOO_LARGE);
}

static void
test_checksum (void)
{
  const char *text = "username\njane\n";
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autoptr(KwBulkCsv) csv = parse (text, NULL);
  g_autoptr(KwBulkCsv) same = parse (text, NULL);
  /* The same usernames in another file are another file. */
  g_autoptr(KwBulkCsv) other = parse ("username\r\njane\r\n", NULL);
  g_autofree char *property = NULL;

  g_assert_cmpstr (kw_bulk_csv_get_checksum (csv), ==, expected);
  g_assert_cmpuint (strlen (kw_bulk_csv_get_checksum (csv)), ==, 64);
  g_assert_cmpstr (kw_bulk_csv_get_checksum (same), ==, expected);
  g_assert_cmpstr (kw_bulk_csv_get_checksum (other), !=, expected);
  g_object_get (csv, "checksum", &property, NULL);
  g_assert_cmpstr (property, ==, expected);
}

static char *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static KwBulkCsv *
load (const char    *path,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  kw_bulk_csv_load_async (file, cancellable, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_bulk_csv_load_finish (result, error);
}

static void
test_load (void)
{
  g_autofree char *path = write_file ("users.csv", "username,email\njane,j@example.com\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkCsv) csv = load (path, NULL, &error);
  g_autofree char *expected =
    g_compute_checksum_for_string (G_CHECKSUM_SHA256, "username,email\njane,j@example.com\n", -1);

  g_assert_no_error (error);
  g_assert_cmpuint (kw_bulk_csv_get_n_to_reset (csv), ==, 1);
  g_assert_cmpstr (kw_bulk_csv_get_checksum (csv), ==, expected);
}

static void
test_load_errors (void)
{
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "missing.csv", NULL);
  g_autofree char *bad = write_file ("latin1.csv", "username\nj\xe9r\xf4me\n", -1);
  g_autofree char *empty = write_file ("empty.csv", "", 0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  KwBulkCsv *csv;

  csv = load (missing, NULL, &error);
  g_assert_null (csv);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A folder is not a file, whoever runs the test. */
  csv = load (g_get_user_data_dir (), NULL, &error);
  g_assert_null (csv);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  csv = load (bad, NULL, &error);
  g_assert_null (csv);
  g_assert_error (error, KW_BULK_CSV_ERROR, KW_BULK_CSV_ERROR_NOT_UTF8);
  g_assert_cmpuint (kw_bulk_csv_error_get_line (error), ==, 2);
  g_clear_error (&error);

  csv = load (empty, NULL, &error);
  g_assert_null (csv);
  g_assert_error (error, KW_BULK_CSV_ERROR, KW_BULK_CSV_ERROR_EMPTY);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  csv = load (bad, cancellable, &error);
  g_assert_null (csv);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Past the limit, the file is refused after one byte more than it allows. */
static void
test_load_too_large (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "huge.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkCsv) csv = NULL;
  FILE *file;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  file = g_fopen (path, "w");
  g_assert_nonnull (file);
  /* Sparse: a hole costs no disk. */
  g_assert_cmpint (fseek (file, KW_BULK_CSV_MAX_SIZE + 1024, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('\n', file), ==, '\n');
  g_assert_cmpint (fclose (file), ==, 0);

  csv = load (path, NULL, &error);
  g_assert_null (csv);
  g_assert_error (error, KW_BULK_CSV_ERROR, KW_BULK_CSV_ERROR_TOO_LARGE);
}

/* A hundred thousand rows, the way a directory export writes them. */
static void
test_large_file (void)
{
  const guint n = 100000;
  g_autoptr(GString) text = g_string_new ("email,username,phone\r\n");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkCsv) csv = NULL;
  gint64 start;
  double seconds;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "user%06u@example.com,\"user%06u\",+1555%07u\r\n", i, i, i);
  g_string_append (text, "user000007@example.com,user000007,\r\n");
  path = write_file ("large.csv", text->str, text->len);

  start = g_get_monotonic_time ();
  csv = load (path, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_no_error (error);
  g_test_message ("%u rows (%" G_GSIZE_FORMAT " bytes) loaded in %.3f s", n + 1, text->len,
                  seconds);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (csv)), ==, n + 1);
  g_assert_cmpuint (kw_bulk_csv_get_n_to_reset (csv), ==, n);
  g_assert_cmpuint (kw_bulk_csv_get_n_duplicates (csv), ==, 1);
  g_assert_cmpuint (kw_bulk_csv_row_get_duplicate_of (row_at (csv, n)), ==, 9);
  assert_row (csv, n - 1, n + 1, "user099999", KW_BULK_CSV_ROW_OK);
  g_assert_cmpfloat (seconds, <, LARGE_FILE_SECONDS);
}

static void
test_append_field (void)
{
  static const struct {
    const char *field;
    const char *expected;
  } cases[] = {
    { NULL, "" },
    { "", "" },
    { "jane", "jane" },
    { "=cmd", "=cmd" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\r", "\"cr\r\"" },
    { " padded", "\" padded\"" },
    { "padded ", "\"padded \"" },
    { "zoë", "zoë" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      kw_bulk_csv_append_field (out, cases[i].field);
      g_assert_cmpstr (out->str, ==, cases[i].expected);
    }
}

/* What the writer writes, the reader reads back the same. */
static void
test_round_trip (void)
{
  static const char * const usernames[] = { "jane", "a,b", "sa\"m", "zoë", "x=1", NULL };
  g_autoptr(GString) text = g_string_new ("username\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkCsv) csv = NULL;
  g_auto(GStrv) parsed = NULL;

  for (guint i = 0; usernames[i] != NULL; i++)
    {
      kw_bulk_csv_append_field (text, usernames[i]);
      g_string_append (text, "\r\n");
    }

  csv = kw_bulk_csv_parse (text->str, text->len, &error);
  g_assert_no_error (error);
  parsed = kw_bulk_csv_dup_usernames (csv);
  g_assert_true (g_strv_equal ((const char * const *) parsed, usernames));
}

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/keyway/bulk-csv/first-column", test_first_column);
  g_test_add_func ("/keyway/bulk-csv/header", test_header);
  g_test_add_func ("/keyway/bulk-csv/no-header-first-row-is-data",
                   test_no_header_first_row_is_data);
  g_test_add_func ("/keyway/bulk-csv/separators", test_separators);
  g_test_add_func ("/keyway/bulk-csv/quoting", test_quoting);
  g_test_add_func ("/keyway/bulk-csv/line-ends-and-bom", test_line_ends_and_bom);
  g_test_add_func ("/keyway/bulk-csv/statuses", test_statuses);
  g_test_add_func ("/keyway/bulk-csv/short-row", test_short_row);
  g_test_add_func ("/keyway/bulk-csv/all-invalid", test_all_invalid);
  g_test_add_func ("/keyway/bulk-csv/errors", test_errors);
  g_test_add_func ("/keyway/bulk-csv/error-line-other-domain", test_error_line_other_domain);
  g_test_add_func ("/keyway/bulk-csv/too-large", test_too_large);
  g_test_add_func ("/keyway/bulk-csv/checksum", test_checksum);
  g_test_add_func ("/keyway/bulk-csv/load", test_load);
  g_test_add_func ("/keyway/bulk-csv/load-errors", test_load_errors);
  g_test_add_func ("/keyway/bulk-csv/load-too-large", test_load_too_large);
  g_test_add_func ("/keyway/bulk-csv/large-file", test_large_file);
  g_test_add_func ("/keyway/bulk-csv/append-field", test_append_field);
  g_test_add_func ("/keyway/bulk-csv/round-trip", test_round_trip);

  return g_test_run ();
}
