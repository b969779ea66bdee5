import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    // A part that streams in has its own error state (components/ui/streamed-part.tsx): a
    // bare <Suspense> on a page would leave a failed part blank.
    files: ["app/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "react",
              importNames: ["Suspense"],
              message:
                "Use <StreamedPart> from components/ui/streamed-part.tsx: it shows an error state if the part fails.",
            },
          ],
        },
      ],
    },
  },
  {
    ignores: [
      ".next/**",
      "lib/generated/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];
export default config;
