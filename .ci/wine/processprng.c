/*
 * bcryptprimitives.dll for the Wine harness only (never shipped with Liaison).
 *
 * Go's Windows runtime (1.24 and later) loads bcryptprimitives.dll from System32 at
 * start and takes its random numbers from ProcessPrng; real Windows 10 and 11 have it.
 * Debian 12's Wine 8 has neither the DLL nor the function, and a Go program dies
 * before main. This DLL exports ProcessPrng over RtlGenRandom (advapi32's
 * SystemFunction036), which Wine has; .ci/dist-check.sh builds it with MinGW-w64 and
 * puts it in the Wine prefix's System32.
 */
#include <windows.h>

/* RtlGenRandom: documented under this export name only. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* ProcessPrng fills data with len random bytes; like Windows', it always succeeds, so
 * a failure of RtlGenRandom (which Wine never reports) ends the process instead. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			ExitProcess(2);
		data += n;
		len -= n;
	}
	return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
	(void)inst;
	(void)reason;
	(void)reserved;
	return TRUE;
}
