/* driver.c: runs a fuzz target over files and directories without libFuzzer, so the seed
 * corpus (and every crash once found and saved) is a regression test in `make check`. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

static int run_file(const char* path)
{
	FILE* f = fopen(path, "rb");
	uint8_t* buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f)
	{
		perror(path);
		return 1;
	}
	do
	{
		if (len == cap && !(buf = realloc(buf, cap = cap ? cap * 2 : 4096)))
		{
			fclose(f);
			return 1;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

int main(int argc, char** argv)
{
	int files = 0, bad = 0;

	for (int i = 1; i < argc; i++)
	{
		struct stat st;
		DIR* d;
		struct dirent* e;
		if (stat(argv[i], &st) != 0)
		{
			perror(argv[i]);
			return 2;
		}
		if (!S_ISDIR(st.st_mode))
		{
			bad += run_file(argv[i]);
			files++;
			continue;
		}
		if (!(d = opendir(argv[i])))
			return 2;
		while ((e = readdir(d)))
		{
			char path[4096];
			if (e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", argv[i], e->d_name);
			if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			{
				bad += run_file(path);
				files++;
			}
		}
		closedir(d);
	}
	printf("%d inputs, %d unreadable\n", files, bad);
	return bad || files == 0;
}
