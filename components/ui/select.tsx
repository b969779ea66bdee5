export { Select } from "./field";
